import { createRouteRef } from '@backstage/core-plugin-api';

/** Route of the `/environments` page in the legacy frontend system. @public */
export const rootRouteRef = createRouteRef({ id: 'environments' });
