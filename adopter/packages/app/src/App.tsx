import { createApp } from '@backstage/frontend-defaults';
import catalogPlugin from '@backstage/plugin-catalog/alpha';
// (@stageline/plugin-environments README, "New frontend system")
import environmentsPlugin from '@stageline/plugin-environments/alpha';

export default createApp({
  features: [catalogPlugin, environmentsPlugin],
});
