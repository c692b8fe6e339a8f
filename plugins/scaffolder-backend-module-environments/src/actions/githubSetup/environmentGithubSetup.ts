import type { CatalogService } from '@backstage/plugin-catalog-node';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import type { z } from 'zod/v3';
import type { GithubClients } from '../../lib/github/GithubClients';
import type {
  GithubEnvironmentSpec,
  GithubEnvironmentSyncResult,
} from '../../lib/github/GithubEnvironmentSpec';
import { resolveReviewers } from '../../lib/github/resolveReviewers';
import { syncGithubEnvironment } from '../../lib/github/syncGithubEnvironment';
import { parseActionInput } from '../../lib/input/parseActionInput';
import { examples } from './environmentGithubSetup.examples';
import type { EnvironmentAuthorization } from '@stageline/plugin-environments-node';
import { authorizeOnRepository } from '../../lib/environment/authorizeOnRepository';
import { environmentsDeployPermission } from '@stageline/plugin-environments-common';

const ID = 'environment:github:setup';

/** GitHub's rule for variable and secret names. */
const NAME_PATTERN = /^(?!GITHUB_)[A-Za-z_][A-Za-z0-9_]*$/i;
const NAME_MESSAGE =
  'names use letters, digits and _, do not start with a digit or GITHUB_';

const environmentSchema = (zImpl: typeof z) =>
  zImpl.object({
    name: zImpl
      .string({ description: 'GitHub environment name, e.g. staging' })
      .min(1)
      .max(255),
    branches: zImpl
      .array(zImpl.string().min(1), {
        description:
          'The only branches allowed to deploy, e.g. [develop]; [] allows any branch. Omitted fields keep what the environment has',
      })
      .optional(),
    reviewers: zImpl
      .array(zImpl.string().min(1), {
        description:
          'Catalog users and groups who must approve deployments, e.g. [group:default/platform] (at most 6)',
      })
      .max(6)
      .optional(),
    waitTimer: zImpl
      .number({
        description: 'Minutes to wait before a deployment job runs (0-43200)',
      })
      .int()
      .min(0)
      .max(43200)
      .optional(),
    preventSelfReview: zImpl
      .boolean({
        description:
          'Whether the person who triggered a deployment may not approve it',
      })
      .optional(),
    variables: zImpl
      .record(
        zImpl.string().regex(NAME_PATTERN, NAME_MESSAGE),
        zImpl.string(),
        {
          description:
            'Environment variables, e.g. { CDK_DEPLOY_ENV: staging }',
        },
      )
      .optional(),
    secrets: zImpl
      .record(
        zImpl.string().regex(NAME_PATTERN, NAME_MESSAGE),
        zImpl.string(),
        {
          description:
            'Environment secrets (pass them from the template secrets: ${{ secrets.x }}); sealed before sending, never logged',
        },
      )
      .optional(),
  });

const inputFields = {
  repoUrl: (zImpl: typeof z) =>
    zImpl
      .string({
        description: 'The repository: github.com?owner=acme&repo=macro-ai',
      })
      .min(1),
  environments: (zImpl: typeof z) =>
    zImpl
      .array(environmentSchema(zImpl), {
        description: 'The environments to create or update',
      })
      .min(1),
  replaceSecrets: (zImpl: typeof z) =>
    zImpl
      .boolean({
        description:
          'Write secrets that already exist too. Default false: GitHub cannot show a secret, so existing ones are kept and a second run changes nothing',
      })
      .optional(),
};

/**
 * What the GitHub setup action is built with.
 *
 * @public
 */
export interface EnvironmentGithubSetupActionOptions
  extends EnvironmentAuthorization {
  catalog: CatalogService;
  github: GithubClients;
}

/**
 * `environment:github:setup`: creates or updates a repository's GitHub environments (branch
 * policies, reviewers from catalog users and groups, wait timer, prevent-self-review, variables
 * and sealed secrets), reading first so a second run changes nothing. These protect every
 * deployment of the repository, so the task's user needs `environments.deploy` on every
 * Environment of the repository in the catalog (none yet: a new repository).
 *
 * @public
 */
export function createEnvironmentGithubSetupAction(
  options: EnvironmentGithubSetupActionOptions,
) {
  const { catalog, github } = options;
  return createTemplateAction({
    id: ID,
    description:
      "Creates or updates a repository's GitHub environments: deployment branches, reviewers from catalog users and groups, wait timer, prevent-self-review, variables and secrets",
    examples,
    supportsDryRun: true,
    schema: {
      input: inputFields,
      output: {
        environments: z =>
          z.array(
            z.object({
              name: z.string(),
              url: z.string().optional(),
              created: z.boolean(),
              changes: z.array(z.string()),
            }),
            {
              description:
                'What was done to each environment; changes is empty when it was up to date',
            },
          ),
        changed: z =>
          z.boolean({ description: 'Whether anything was written to GitHub' }),
      },
    },
    async handler(ctx) {
      const input = parseActionInput(ID, inputFields, ctx.input);
      const repository = github.parseRepoUrl(input.repoUrl);
      const slug = `${repository.owner}/${repository.repo}`;
      const credentials = await ctx.getInitiatorCredentials();
      await authorizeOnRepository({
        ...options,
        permission: environmentsDeployPermission,
        repository,
        credentials,
      });
      const specs = input.environments.map(environment => ({
        ...environment,
        variables: environment.variables ?? {},
        secrets: environment.secrets ?? {},
      }));

      if (ctx.isDryRun) {
        const planned = specs.map(spec => {
          const kept = 'as it is';
          const line = [
            `branches ${
              spec.branches ? spec.branches.join(', ') || 'any' : kept
            }`,
            `reviewers ${
              spec.reviewers ? spec.reviewers.join(', ') || 'none' : kept
            }`,
            `wait timer ${
              spec.waitTimer === undefined ? kept : `${spec.waitTimer} min`
            }`,
            `prevent self-review ${spec.preventSelfReview ?? kept}`,
            `variables ${Object.keys(spec.variables).join(', ') || 'none'}`,
            `secrets ${Object.keys(spec.secrets).join(', ') || 'none'}`,
          ].join('; ');
          ctx.logger.info(
            `Dry run: would set up environment ${spec.name} of ${slug}: ${line}`,
          );
          return {
            name: spec.name,
            created: false,
            changes: [`dry run: ${line}`],
          };
        });
        ctx.output('environments', planned);
        ctx.output('changed', false);
        return;
      }

      const octokit = await github.forRepository(repository, ctx.logger);
      const results: GithubEnvironmentSyncResult[] = [];
      for (const spec of specs) {
        const result: GithubEnvironmentSyncResult = await ctx.checkpoint({
          key: `environment.github.setup.${slug}.${spec.name}`,
          fn: async () => {
            const reviewers =
              spec.reviewers &&
              (await resolveReviewers({
                refs: spec.reviewers,
                catalog,
                credentials,
                octokit,
                org: repository.owner,
              }));
            const full: GithubEnvironmentSpec = { ...spec, reviewers };
            return syncGithubEnvironment({
              octokit,
              owner: repository.owner,
              repo: repository.repo,
              spec: full,
              replaceSecrets: input.replaceSecrets ?? false,
            });
          },
        });
        if (result.changes.length === 0) {
          ctx.logger.info(
            `Environment ${spec.name} of ${slug} is already up to date`,
          );
        } else {
          ctx.logger.info(
            `Environment ${spec.name} of ${slug}: ${result.changes.join('; ')}`,
          );
        }
        results.push(result);
      }
      ctx.output('environments', results);
      ctx.output(
        'changed',
        results.some(result => result.changes.length > 0),
      );
    },
  });
}
