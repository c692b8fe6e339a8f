import { ConfigReader } from '@backstage/config';
import type { EnvironmentEntity } from '@stageline/plugin-environments-common';
import { GithubSourceControlProvider } from '../sourceControl/github/GithubSourceControlProvider';
import { PromotionEngine } from '../promotion/engine/PromotionEngine';

export const SLUG = 'acme/macro-ai';

/** An Environment of `slug` (default {@link SLUG}). */
export function environment(
  name: string,
  spec: Partial<EnvironmentEntity['spec']>,
  slug = SLUG,
): EnvironmentEntity {
  return {
    apiVersion: 'stageline.dev/v1alpha1',
    kind: 'Environment',
    metadata: {
      name,
      namespace: 'default',
      annotations: { 'github.com/project-slug': slug },
    },
    spec: {
      type: 'staging',
      owner: 'group:default/platform',
      component: 'component:default/macro-ai-api',
      scale: 'hobby',
      ...spec,
    },
  };
}

export const staging = environment('macro-ai-api-staging', {
  type: 'staging',
  branch: 'develop',
  promotesTo: 'environment:default/macro-ai-api-production',
});
export const production = environment('macro-ai-api-production', {
  type: 'production',
  branch: 'main',
});

/**
 * The GitHub provider with a token, waiting `intervalMs` between polls, reading promotion
 * states through GraphQL unless `reads` says `rest`.
 */
export function githubProvider(
  options: {
    attempts?: number;
    intervalMs?: number;
    now?: () => Date;
    reads?: 'graphql' | 'rest';
    /** Milliseconds Octokit spaces writes and GraphQL queries (default its own second). */
    writeIntervalMs?: number;
  } = {},
) {
  return GithubSourceControlProvider.fromConfig(
    new ConfigReader({
      integrations: {
        github: [
          { host: 'github.com', token: 'ghp_testtokentesttokentesttoken1234' },
        ],
      },
    }),
    {
      polling: {
        attempts: options.attempts ?? 3,
        intervalMs: options.intervalMs ?? 5,
      },
      now: options.now,
      promotionStateReads: options.reads,
      clientDelays:
        options.writeIntervalMs === undefined
          ? undefined
          : { writeIntervalMs: options.writeIntervalMs },
    },
  );
}

/** The engine over the GitHub provider (no deployment providers: that gate is skipped). */
export function githubEngine(provider = githubProvider()): PromotionEngine {
  return new PromotionEngine({ sourceControl: provider });
}
