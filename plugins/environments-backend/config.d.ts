import { HumanDuration } from '@backstage/types';

export interface Config {
  /** Stageline environments backend (`@stageline/plugin-environments-backend`). */
  environments?: {
    /** How status is computed and kept warm. */
    status?: {
      /**
       * Longest wait for one provider (deployment, source control, one health check, cost);
       * past it that section reports an error and the others still answer.
       * @default { seconds: 2 }
       */
      providerTimeout?: HumanDuration;
      /**
       * How long an environment's status is served from the cache.
       * @default { minutes: 10 }
       */
      cacheTtl?: HumanDuration;
      /**
       * How long a status with a section in `error` (a provider failure or timeout) is served
       * from the cache, so a passing failure shows for seconds rather than `cacheTtl`.
       * @default { seconds: 30 }
       */
      errorCacheTtl?: HumanDuration;
      /**
       * How often the scheduled task refreshes every environment's status, so the first page
       * view is warm. Keep it below `cacheTtl`.
       * @default { minutes: 5 }
       */
      refreshInterval?: HumanDuration;
      /**
       * How long after start-up the first scheduled refresh runs.
       * @default { seconds: 20 }
       */
      refreshInitialDelay?: HumanDuration;
      /**
       * Set false to turn the scheduled refresh off (status is then computed on first view).
       * @default true
       */
      scheduledRefresh?: boolean;
      /**
       * How GitHub is asked what waits to be promoted: `graphql` answers up to 50 environments
       * across repositories in one batched GraphQL query; `rest` reads each environment with
       * conditional REST requests (for GitHub Enterprise Server versions or proxies that do not
       * offer the GraphQL fields used). Promotions themselves always use REST.
       * @default graphql
       */
      githubReads?: 'graphql' | 'rest';
    };
    /**
     * CloudFormation drift detection of the environments' stacks, shown in the deployment
     * section. Runs only where AWS is configured.
     */
    drift?: {
      /**
       * Set false to stop detecting drift (the deployment section then says it is off).
       * @default true
       */
      enabled?: boolean;
      /**
       * How often the scheduled detection runs (on one backend instance at a time); no stack is
       * detected more often than this, across restarts and instances.
       * @default { hours: 6 }
       */
      interval?: HumanDuration;
      /**
       * At most this many detections started a minute, across all stacks, one at a time
       * (CloudFormation throttles DetectStackDrift). From 1 to 60.
       * @default 6
       */
      detectionsPerMinute?: number;
      /**
       * How long to wait for one stack's detection before reporting it unknown.
       * @default { minutes: 5 }
       */
      detectionTimeout?: HumanDuration;
      /**
       * How often to ask CloudFormation whether a detection has finished.
       * @default { seconds: 5 }
       */
      pollInterval?: HumanDuration;
      /**
       * How long after the backend starts the first scheduled detection runs.
       * @default { minutes: 1 }
       */
      initialDelay?: HumanDuration;
    };
    /** Who may speak for a component, and whose repository is read for whom. */
    security?: {
      /**
       * Owners (group or user entity refs) allowed to own Environments of components they do
       * not own, e.g. the platform team that runs every service's environments. Anyone else's
       * Environment must have its component's owner: the catalog marks one that does not with an
       * error, and promotion and deploys refuse it.
       * @example ['group:default/platform']
       */
      trustedEnvironmentOwners?: string[];
      /**
       * Locations whose entities may have the repository they name read with the backend's
       * integration credentials (status cards, promotion history, promotions, pipeline workflow
       * dispatches of schedules and previews), besides those the
       * catalog vouches for by itself: an entity registered from a `url:` location inside that
       * repository, one listed in `catalog.locations`, or a preview the catalog module made for a
       * vouched component. Each entry is a location as `backstage.io/managed-by-location` writes
       * it (`type:target`), exactly, or a prefix of one ending in `*`. Anyone who can write at a
       * listed location can name any repository the integration can read: list only locations
       * your platform team controls (e.g. a repository of everyone's Environments).
       * @example ['url:https://github.com/acme/platform-environments/*']
       */
      trustedLocations?: string[];
    };
    /** Health checks. */
    health?: {
      /**
       * Timeout of the HTTP probe of `spec.healthCheck.url`.
       * @default { seconds: 2 }
       */
      httpTimeout?: HumanDuration;
      /**
       * Hosts the HTTP health check may probe. `spec.healthCheck.url` comes from the catalog,
       * which anyone may write to, so the probe is deny-by-default: unset or empty, nothing is
       * probed (health says what to configure). Patterns: a host name (`api.macro-ai.com`,
       * `localhost`) or an IP address, named exactly, may resolve to any address, internal
       * ones included: you vouch for it; `*.` and a domain (`*.macro-ai.com`: every host below
       * it, not the domain itself) or `*` (every host) only reach public addresses: a name
       * matched by a wildcard that resolves to a loopback, private, link-local (the cloud
       * metadata endpoint) or other non-public address is refused, and the connection is pinned
       * to the address checked. Any pattern may end in a port (`localhost:7007`): that port only.
       * Redirects are followed only to hosts on the list, under the same rules. No scheme or path.
       * @example ['*.macro-ai.com', 'localhost:7007']
       */
      allowedHosts?: string[];
    };
    /** Cost estimates and actuals. */
    cost?: {
      /**
       * Currency estimates are shown in when an environment has no budget.
       * @default GBP
       */
      currency?: 'GBP' | 'USD';
      /**
       * USD → currency rate used by the cost model for prices (published in USD); the cost
       * model's own default applies when unset.
       */
      rate?: number;
      /**
       * How long a synthesized-and-estimated stack (per app, stage, scale, region) is kept.
       * @default { hours: 24 }
       */
      estimateTtl?: HumanDuration;
      /**
       * How long month-to-date actuals and the forecast from Cost Explorer are kept.
       * @default { hours: 24 }
       */
      actualsTtl?: HumanDuration;
      /**
       * Longest wait for Cost Explorer. It must be shorter than `status.providerTimeout`: past
       * it the cost section still answers with the estimate and a note that actual cost is
       * unavailable.
       * @default half of status.providerTimeout (1 s)
       */
      actualsTimeout?: HumanDuration;
      /**
       * Fraction of the budget at which the budget state turns `near`.
       * @default 0.8
       */
      nearBudgetRatio?: number;
      /**
       * Prices the bundled price table lacks (regions beyond its six, other instance classes)
       * from the AWS Price List Query API (`pricing:GetProducts`, endpoint us-east-1), where AWS
       * is configured. Answers are kept in the plugin's database and refreshed on a schedule.
       */
      priceListApi?: {
        /**
         * Set false to estimate from the bundled table only.
         * @default true
         */
        enabled?: boolean;
        /**
         * AWS account (in `aws.accounts`) whose credentials call the API; needs
         * `pricing:GetProducts`.
         * @default the main account (`aws.mainAccount`, or the SDK's default credential chain)
         */
        accountId?: string;
        /**
         * How often every cached Price List answer is fetched again (one backend instance at a
         * time).
         * @default { hours: 24 }
         */
        refreshInterval?: HumanDuration;
      };
    };
    /** Preview environments (from the catalog module's preview provider). */
    previews?: {
      /**
       * The cleanup: a scheduled task (`scope: global`) destroying the stack of every preview
       * whose pull request closed or whose branch had no push for its `spec.previews.ttl`,
       * through the preview's deployment mode, as `environment:destroy` does.
       */
      cleanup?: {
        /**
         * Set false to turn the scheduled cleanup off ("Destroy now" still works).
         * @default true
         */
        enabled?: boolean;
        /**
         * How often the cleanup runs.
         * @default { minutes: 10 }
         */
        frequency?: HumanDuration;
        /** How a failed destroy is tried again. */
        retry?: {
          /**
           * The wait before the first retry; it doubles with each failure.
           * @default { minutes: 5 }
           */
          initial?: HumanDuration;
          /**
           * The longest wait between retries.
           * @default { hours: 6 }
           */
          max?: HumanDuration;
        };
        /**
         * How long one destroy may take (the stack's deletion, or the workflow run).
         * @default { minutes: 60 }
         */
        destroyTimeout?: HumanDuration;
        /**
         * How often CloudFormation and GitHub are polled while a destroy runs.
         * @default { seconds: 10 }
         */
        pollInterval?: HumanDuration;
      };
    };
    /** Schedules (`spec.schedule`): environments stopped and started at their times. */
    schedules?: {
      /**
       * Set false to stop running schedules (the cards still show them; Start now and Stop now
       * still work).
       * @default true
       */
      enabled?: boolean;
      /**
       * Record stops and starts without calling AWS or GitHub, saying in the log what would be
       * done: for a local example without a cloud account. Never in production.
       * @default false
       */
      dryRun?: boolean;
      /** How a failed stop or start is tried again. */
      retry?: {
        /**
         * The wait before the first retry; it doubles with each failure.
         * @default { minutes: 5 }
         */
        initial?: HumanDuration;
        /**
         * The longest wait between retries.
         * @default { hours: 1 }
         */
        max?: HumanDuration;
      };
      /**
       * How long one stop or start may take (a pipeline's run).
       * @default { minutes: 60 }
       */
      timeout?: HumanDuration;
      /**
       * How often GitHub and CloudFormation are polled while a pipeline runs.
       * @default { seconds: 10 }
       */
      pollInterval?: HumanDuration;
    };
    /** Promotions. */
    promotion?: {
      /**
       * Strategy when a promote request names none: `pull-request` opens (or reuses) the
       * promotion pull request source branch → target branch; `merge` merges that pull request
       * once it is approved and mergeable (refused, naming why, otherwise); `workflow-dispatch`
       * runs the promote workflow on the target branch and links the run it started.
       * @default pull-request
       */
      defaultStrategy?: 'pull-request' | 'merge' | 'workflow-dispatch';
      /**
       * Workflow file dispatched by the workflow-dispatch strategy (a target environment's
       * `stageline.dev/promote-workflow` annotation overrides it). The workflow must accept the
       * inputs `source_branch`, `target_branch` and `sha`, and should name its runs after the
       * sha (`run-name`) so the run can be found where GitHub does not return it.
       * @default promote.yml
       */
      workflow?: string;
      /**
       * How the merge strategy merges the promotion pull request (a target environment's
       * `stageline.dev/merge-method` annotation overrides it). Unset: the first of merge,
       * squash, rebase the repository allows. After squash or rebase merges, commits waiting
       * are counted from the head of the last merged promotion pull request.
       */
      mergeMethod?: 'merge' | 'squash' | 'rebase';
      /**
       * How long a promotion may hold the lock on its target before another may take it.
       * @default { minutes: 5 }
       */
      lockTimeout?: HumanDuration;
      /**
       * Periods in which promotions into some stages are refused (gate `freeze-window`).
       * Either one-off (`start` + `end`) or recurring (`days` and/or `hours`).
       */
      freezeWindows?: Array<{
        /** Shown in the gate message, e.g. `weekend`. */
        name: string;
        /**
         * Target stages the window freezes.
         * @default ['production']
         */
        stages?: Array<'development' | 'preview' | 'staging' | 'production'>;
        /** ISO 8601 start of a one-off window, e.g. 2025-12-20T00:00:00Z. */
        start?: string;
        /** ISO 8601 end (exclusive) of a one-off window. */
        end?: string;
        /** Weekdays of a recurring window. */
        days?: Array<'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun'>;
        /** Time of day of a recurring window, HH:MM; `from` after `to` spans midnight. */
        hours?: { from: string; to: string };
        /**
         * IANA time zone of `days` and `hours`.
         * @default UTC
         */
        timezone?: string;
      }>;
    };
    /**
     * A git repository on the backend's disk that stands in for GitHub, for trying Stageline
     * without a GitHub token (the local app-config.yaml sets it for the example system). Used
     * only while `integrations.github` has no token or app for github.com: once it has, the
     * repositories below use GitHub and this is ignored. Promotion cards name it as their source
     * (`local repository <path>`), and the backend logs at start which source control it uses.
     * The `merge` strategy fast-forwards the target branch (a merge commit where the branches
     * diverged); `pull-request` and `workflow-dispatch` are refused; the repository has no CI.
     * Leave it unset in a real installation.
     */
    localRepository?: {
      /**
       * The repository (bare, or with a working tree); a relative path is resolved against the
       * backend's working directory.
       * @example ../../.stageline/local-repo
       */
      path: string;
      /**
       * The GitHub repositories (`owner/repo`, as components name them in
       * `github.com/project-slug`) whose environments it serves.
       * @example ['acme/macro-ai']
       */
      repositories: string[];
    };
  };
}
