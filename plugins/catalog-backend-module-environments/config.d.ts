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
    };
  };
}
