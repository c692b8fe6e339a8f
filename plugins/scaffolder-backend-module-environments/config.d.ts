/*
 * What the environment actions read, besides `aws` (from @backstage/integration-aws-node) and
 * `integrations.github` (from @backstage/integration). The environments backend declares the
 * same keys; they are declared here too because these actions read them themselves.
 */
export interface Config {
  environments?: {
    security?: {
      /**
       * Owners (group or user entity refs) allowed to own Environments of components they do
       * not own. `environment:deploy`, `:destroy` and `:rollback` refuse an Environment whose
       * owner is neither its component's owner nor one of these.
       * @example ['group:default/platform']
       */
      trustedEnvironmentOwners?: string[];
      /**
       * Locations whose components may have a pipeline workflow dispatched in the repository
       * they name, besides a `url:` location inside that repository and `catalog.locations`: a
       * location (`type:target`) exactly, or a prefix ending in `*`.
       * @example ['url:https://github.com/acme/platform-environments/*']
       */
      trustedLocations?: string[];
    };
    cost?: {
      /**
       * Currency `environment:plan` estimates in when an Environment has no budget.
       * @default GBP
       */
      currency?: 'GBP' | 'USD';
      /**
       * USD → currency rate for the estimate (prices are published in USD); the cost model's
       * own default applies when unset.
       */
      rate?: number;
      /**
       * Fraction of the budget at which `environment:plan` says the estimate is near it.
       * @default 0.8
       */
      nearBudgetRatio?: number;
    };
  };
}
