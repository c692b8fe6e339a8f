import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import type { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { repositoryVouchingFromConfig } from '@stageline/plugin-environments-node';
import { AuthorizeResult } from '@backstage/plugin-permission-common';

/**
 * A permissions service that allows every request except those on the `denied` entity refs, and
 * records what it was asked, as `permission on resource ref`. Repositories are vouched for as the
 * module vouches for them with the default config (github.com; `entities` are the catalog a
 * preview's component is loaded from).
 */
export function permissionPolicy(
  options: { denied?: string[]; entities?: Entity[] } = {},
) {
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
    /**
     * What deploy and destroy are built with: these permissions, mock auth, no trusted owners or
     * trusted locations.
     */
    authorization: {
      permissions,
      auth: mockServices.auth(),
      trustedOwners: [] as string[],
      vouching: repositoryVouchingFromConfig(new ConfigReader({}), {
        catalog: catalogServiceMock({ entities: options.entities ?? [] }),
        auth: mockServices.auth(),
      }),
    },
  };
}
