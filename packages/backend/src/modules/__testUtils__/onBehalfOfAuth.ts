import {
  AuthService,
  BackstageCredentials,
  BackstagePrincipalTypes,
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';

/**
 * `mockServices.auth` with one change that makes it behave like the real auth service when a
 * plugin calls another on behalf of a user: the token it issues authenticates as that user
 * **with the calling plugin as actor** (`principal.actor`), as the real plugin token's `obo`
 * claim does. The stock mock drops the actor, so the permission backend takes the catalog's
 * conditional `authorize` (no resourceRef) for a direct user request and refuses it (400).
 */
export const onBehalfOfAuthServiceFactory = createServiceFactory({
  service: coreServices.auth,
  deps: { plugin: coreServices.pluginMetadata },
  factory({ plugin }): AuthService {
    const pluginId = plugin.getId();
    const mock = mockServices.auth({ pluginId });
    return {
      authenticate: (token, options) => mock.authenticate(token, options),
      getNoneCredentials: () => mock.getNoneCredentials(),
      getOwnServiceCredentials: () => mock.getOwnServiceCredentials(),
      isPrincipal: <T extends keyof BackstagePrincipalTypes>(
        credentials: BackstageCredentials,
        type: T,
      ): credentials is BackstageCredentials<BackstagePrincipalTypes[T]> =>
        mock.isPrincipal(credentials, type),
      async getPluginRequestToken(options) {
        const principal = options.onBehalfOf.principal as {
          type: string;
          userEntityRef?: string;
        };
        if (principal.type === 'user' && principal.userEntityRef) {
          return {
            token: mockCredentials.user.token(principal.userEntityRef, {
              actor: { subject: `plugin:${pluginId}` },
            }),
          };
        }
        return mock.getPluginRequestToken(options);
      },
      getLimitedUserToken: credentials => mock.getLimitedUserToken(credentials),
      listPublicServiceKeys: () => mock.listPublicServiceKeys(),
    };
  },
});
