import { mockServices } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';

/**
 * A permissions service that allows every request except those on the `denied` entity refs, and
 * records what it was asked, as `permission on resource ref`.
 */
export function permissionPolicy(options: { denied?: string[] } = {}) {
  const asked: string[] = [];
  const permissions = mockServices.permissions.mock({
    authorize: async requests =>
      requests.map(({ permission, resourceRef }) => {
        asked.push(`${permission.name} on ${resourceRef}`);
        return {
          result:
            resourceRef && options.denied?.includes(resourceRef)
              ? AuthorizeResult.DENY
              : AuthorizeResult.ALLOW,
        };
      }),
  });
  return {
    permissions,
    asked,
    /** What deploy and destroy are built with: these permissions, mock auth, no trusted owners. */
    authorization: {
      permissions,
      auth: mockServices.auth(),
      trustedOwners: [] as string[],
    },
  };
}
