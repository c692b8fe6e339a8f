import type {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { ConflictError, InputError, NotFoundError } from '@backstage/errors';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  EnvironmentEntity,
  environmentsPromotePermission,
  isEnvironmentEntity,
  PROMOTION_STRATEGIES,
} from '@stageline/plugin-environments-common';
import {
  assertPromotionSucceeded,
  PromotionEngine,
  PromotionOutcome,
} from '@stageline/plugin-environments-node';
import type { z } from 'zod/v3';
import { authorizeOnEnvironment } from '../../lib/environment/authorizeOnEnvironment';
import { parseActionInput } from '../../lib/input/parseActionInput';
import { examples } from './environmentPromote.examples';

const ID = 'environment:promote';

const inputFields = {
  environmentRef: (zImpl: typeof z) =>
    zImpl
      .string({
        description:
          'The environment to promote from, e.g. environment:default/macro-ai-api-staging; it is promoted into its spec.promotesTo',
      })
      .min(1),
  strategy: (zImpl: typeof z) =>
    zImpl
      .enum(PROMOTION_STRATEGIES, {
        description:
          'pull-request (open or reuse the PR from the source branch to the target branch), merge (merge that PR once approved and mergeable) or workflow-dispatch (run the promote workflow on the target branch). Default: environments.promotion.defaultStrategy, else pull-request',
      })
      .optional(),
};

/** What the promote checkpoint stores: the outcome without the error object. */
type PromotionSummary = {
  result: string;
  strategy: string;
  message: string;
  link?: string;
  pullRequest?: { number: number; url: string };
  runId?: number;
  commits: number;
  gates: Array<{ id: string; status: string; message: string }>;
};

function summarize(outcome: PromotionOutcome): PromotionSummary {
  return {
    result: outcome.result,
    strategy: outcome.strategy,
    message: outcome.message,
    link: outcome.link,
    pullRequest: outcome.pullRequest,
    runId: outcome.runId,
    commits: outcome.commits.length,
    gates: outcome.gates.map(({ id, status, message }) => ({
      id,
      status,
      message,
    })),
  };
}

async function readEnvironment(
  catalog: CatalogService,
  ref: string,
  credentials: BackstageCredentials,
  role: string,
): Promise<EnvironmentEntity> {
  let entityRef: string;
  try {
    entityRef = stringifyEntityRef(
      parseEntityRef(ref, {
        defaultKind: 'environment',
        defaultNamespace: 'default',
      }),
    );
  } catch {
    throw new InputError(`${role} ${JSON.stringify(ref)} is not an entity ref`);
  }
  const entity = await catalog.getEntityByRef(entityRef, { credentials });
  if (!entity) {
    throw new NotFoundError(
      `${role} ${entityRef} was not found in the catalog`,
    );
  }
  if (!isEnvironmentEntity(entity)) {
    throw new InputError(
      `${role} ${entityRef} is a ${entity.kind}, not an Environment`,
    );
  }
  return entity;
}

/**
 * What the promote action is built with.
 *
 * @public
 */
export interface EnvironmentPromoteActionOptions {
  catalog: CatalogService;
  /** The promotion engine of `@stageline/plugin-environments-node`, shared with the backend. */
  engine: PromotionEngine;
  /** Checks `environments.promote` on the target for the task's user, when given. */
  permissions?: PermissionsService;
}

/**
 * `environment:promote`: promotes an environment into its `promotesTo` target through GitHub
 * (pull request, merge or workflow dispatch) with the promotion engine the backend's promote
 * route uses, after its gates; a failing gate changes nothing.
 *
 * @public
 */
export function createEnvironmentPromoteAction(
  options: EnvironmentPromoteActionOptions,
) {
  const { catalog, engine } = options;
  return createTemplateAction({
    id: ID,
    description:
      'Promotes an environment into its promotesTo target through GitHub (pull request, merge of the approved pull request, or workflow dispatch), after the gates: deployment complete, checks green, no freeze window',
    examples,
    supportsDryRun: true,
    schema: {
      input: inputFields,
      output: {
        result: z =>
          z.string({
            description:
              'succeeded, or dry-run in a dry run (a blocked or failed promotion fails the step)',
          }),
        strategy: z => z.string({ description: 'The strategy used' }),
        target: z =>
          z.string({
            description: 'Entity ref of the environment promoted into',
          }),
        message: z =>
          z.string({ description: 'What happened, in one sentence' }),
        link: z =>
          z
            .string({
              description: 'The pull request, merge commit or workflow page',
            })
            .optional(),
        pullRequestNumber: z => z.number().optional(),
        runId: z =>
          z
            .number({
              description:
                'The workflow run a workflow-dispatch promotion started',
            })
            .optional(),
        runUrl: z =>
          z.string({ description: 'The page of that run' }).optional(),
        pullRequestUrl: z => z.string().optional(),
        commits: z =>
          z.number({
            description: 'How many commits were waiting to be promoted',
          }),
        gates: z =>
          z.array(
            z.object({
              id: z.string(),
              status: z.string(),
              message: z.string(),
            }),
            {
              description: 'Each gate and its result',
            },
          ),
      },
    },
    async handler(ctx) {
      const input = parseActionInput(ID, inputFields, ctx.input);
      const credentials = await ctx.getInitiatorCredentials();
      const source = await readEnvironment(
        catalog,
        input.environmentRef,
        credentials,
        'environmentRef',
      );
      if (!source.spec.promotesTo) {
        throw new ConflictError(
          `${stringifyEntityRef(
            source,
          )} has no spec.promotesTo: there is nothing to promote it into`,
        );
      }
      const target = await readEnvironment(
        catalog,
        source.spec.promotesTo,
        credentials,
        'spec.promotesTo',
      );
      const sourceRef = stringifyEntityRef(source);
      const targetRef = stringifyEntityRef(target);
      if (options.permissions) {
        await authorizeOnEnvironment({
          permissions: options.permissions,
          permission: environmentsPromotePermission,
          entityRef: targetRef,
          credentials,
        });
      }
      const strategy = input.strategy ?? engine.defaultStrategy;
      ctx.output('target', targetRef);
      ctx.output('strategy', strategy);
      ctx.logger.info(
        `Promoting ${sourceRef} into ${targetRef} with strategy ${strategy}`,
      );

      const report = (summary: PromotionSummary) => {
        for (const gate of summary.gates) {
          ctx.logger.info(`Gate ${gate.id}: ${gate.status}: ${gate.message}`);
        }
        ctx.logger.info(summary.message);
      };
      const request = {
        source,
        target,
        strategy,
        actor: ctx.user?.ref,
        signal: ctx.signal,
      };

      let summary: PromotionSummary;
      if (ctx.isDryRun) {
        let outcome: PromotionOutcome;
        try {
          outcome = await engine.promote({ ...request, dryRun: true });
        } catch (error) {
          if ((error as Error).name !== 'ServiceUnavailableError') throw error;
          // Local and template-editor dry runs have no GitHub token: say so instead of failing.
          const message = `Dry run: gates not evaluated: ${
            (error as Error).message
          }; a real run fails here until it is configured`;
          ctx.logger.warn(message);
          ctx.output('result', 'dry-run');
          ctx.output('message', message);
          ctx.output('commits', 0);
          ctx.output('gates', []);
          return;
        }
        summary = summarize(outcome);
        report(summary);
        assertPromotionSucceeded(outcome);
      } else {
        summary = await ctx.checkpoint({
          key: `environment.promote.${sourceRef}.${targetRef}.${strategy}`,
          fn: async () => {
            const outcome = await engine.promote(request);
            const done = summarize(outcome);
            report(done);
            assertPromotionSucceeded(outcome);
            return done;
          },
        });
      }
      ctx.output('result', summary.result);
      ctx.output('message', summary.message);
      ctx.output('commits', summary.commits);
      ctx.output('gates', summary.gates);
      if (summary.link) ctx.output('link', summary.link);
      if (summary.runId !== undefined) {
        ctx.output('runId', summary.runId);
        if (summary.link) ctx.output('runUrl', summary.link);
      }
      if (summary.pullRequest) {
        ctx.output('pullRequestNumber', summary.pullRequest.number);
        ctx.output('pullRequestUrl', summary.pullRequest.url);
      }
    },
  });
}
