import type { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';

export interface Config {
  catalog?: {
    providers?: {
      /**
       * Preview Environments from pull requests: for every component whose Environments set
       * `spec.previews.enabled`, each open pull request of the component's repository becomes a
       * preview Environment `{component}-pr-{n}`. GitHub is read through `integrations.github`.
       * Not installed when absent.
       */
      stagelinePreviews?: {
        /**
         * How often the open pull requests are read.
         * @default { frequency: { minutes: 5 }, timeout: { minutes: 3 }, initialDelay: { seconds: 15 } }
         */
        schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
        /** Which pull requests get previews. */
        filters?: {
          /**
           * Only repositories (`owner/repo`, lower case) matching this regular expression.
           * @example '^acme/'
           */
          repository?: string;
          /**
           * Only pull requests whose head branch matches this regular expression.
           * @example '^(?!dependabot/)'
           */
          branch?: string;
          /**
           * Whether draft pull requests get previews.
           * @default true
           */
          includeDrafts?: boolean;
          /**
           * Whether pull requests from forks get previews. Off by default: a fork's branch is
           * not in the repository (a pipeline cannot be dispatched on it) and its code is
           * anyone's.
           * @default false
           */
          includeForks?: boolean;
        };
      };
      /**
       * Environments discovered from CloudFormation: across the accounts and regions, every
       * stack that carries Stageline's tags (`stageline.dev/stage`, or the release before's
       * `stageline:stage`) or matches `stackNamePattern` becomes an Environment, unless an
       * Environment declared in a repository describes it (whose gaps it fills). AWS is read
       * through `aws.accounts`. Not installed when absent.
       */
      stagelineStacks?: {
        /**
         * How often the stacks are listed.
         * @default { frequency: { minutes: 30 }, timeout: { minutes: 10 }, initialDelay: { seconds: 30 } }
         */
        schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
        /**
         * The regions to look in.
         * @example ['eu-west-2', 'us-east-1']
         */
        regions: string[];
        /**
         * The accounts to look in (12-digit ids); each needs credentials under `aws.accounts`.
         * @default every accountId of aws.accounts
         */
        accounts?: string[];
        /**
         * A regular expression: a stack without Stageline's tags counts when its name matches.
         * Its stage then comes from its name (`{App}{Stage}Stack`, `{App}Pr{n}Stack`).
         * @example '^MacroAi'
         */
        stackNamePattern?: string;
        /**
         * The owner (group or user entity ref) of a stack without a `stageline.dev/owner` tag;
         * without it such a stack is left out. Give a trusted owner
         * (`environments.security.trustedEnvironmentOwners`), e.g. the platform team.
         * @example group:default/platform
         */
        defaultOwner?: string;
      };
    };
  };
  environments?: {
    security?: {
      /**
       * Owners (group or user entity refs) allowed to own Environments of components they do
       * not own, e.g. the platform team. Any other Environment whose owner is not its
       * component's owner gets a processing error and is not accepted by the catalog.
       * @example ['group:default/platform']
       */
      trustedEnvironmentOwners?: string[];
      /**
       * Locations whose components may have the repository they name read for previews (its
       * open pull requests), besides a `url:` location inside that repository and
       * `catalog.locations`: a location (`type:target`) exactly, or a prefix ending in `*`.
       * @example ['url:https://github.com/acme/platform-environments/*']
       */
      trustedLocations?: string[];
    };
  };
}
