export interface Config {
  app?: {
    /**
     * Sign-in providers the sign-in page offers, in order: `guest` (local use only; the
     * default) and `github` (needs auth.providers.github).
     * @visibility frontend
     */
    signInProviders?: Array<'guest' | 'github'>;
  };
}
