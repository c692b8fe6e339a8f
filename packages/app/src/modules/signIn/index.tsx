import {
  configApiRef,
  createFrontendModule,
  useApi,
} from '@backstage/frontend-plugin-api';
import { SignInPageBlueprint } from '@backstage/plugin-app-react';
import {
  SignInPage,
  type IdentityProviders,
  type SignInProviderConfig,
} from '@backstage/core-components';
import {
  githubAuthApiRef,
  type SignInPageProps,
} from '@backstage/core-plugin-api';

const GITHUB: SignInProviderConfig = {
  id: 'github-auth-provider',
  title: 'GitHub',
  message: 'Sign in with your GitHub account',
  apiRef: githubAuthApiRef,
};

/**
 * The sign-in page with the providers `app.signInProviders` lists: `guest` locally (the
 * default), `github` in production (app-config.production.yaml), where guest sign-in is off.
 */
function ConfiguredSignInPage(props: SignInPageProps) {
  const names = useApi(configApiRef).getOptionalStringArray(
    'app.signInProviders',
  ) ?? ['guest'];
  const providers: IdentityProviders = names.map(name =>
    name === 'github' ? GITHUB : 'guest',
  );
  return <SignInPage {...props} providers={providers} />;
}

/** Replaces the app's default (guest-only) sign-in page. */
export const signInModule = createFrontendModule({
  pluginId: 'app',
  extensions: [
    SignInPageBlueprint.make({
      params: { loader: async () => ConfiguredSignInPage },
    }),
  ],
});
