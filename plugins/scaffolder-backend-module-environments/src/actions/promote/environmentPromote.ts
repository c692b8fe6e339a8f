import type {
  AuthService,
  DiscoveryService,
} from '@backstage/backend-plugin-api';
import {
  CompoundEntityRef,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  PROMOTION_STRATEGIES,
  PromotionRecord,
} from '@stageline/plugin-environments-common';
import type { z } from 'zod/v3';
import { parseActionInput } from '../../lib/input/parseActionInput';
import { EnvironmentsPromoteClient } from '../../lib/promotion/EnvironmentsPromoteClient';
import { pullRequestOfLink } from '../../lib/promotion/pullRequestOfLink';
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
          'pull-request (open or reuse the PR from the source branch to the target branch), merge (merge that PR once approved and mergeable) or workflow-dispatch (run the promote workflow on the target branch). Default: environments.promotion.defaultStrategy of the environments backend, else pull-request',
      })
      .optional(),
  dryRun: (zImpl: typeof z) =>
    zImpl
      .boolean({
        description:
          'Only evaluate the gates and say what would happen; changes nothing in GitHub and records nothing in the promotion history. A dry run of the template does this too',
      })
      .optional(),
};

/** What the promote checkpoint stores: the promotion the backend recorded, in brief. */
type PromotionSummary = {
  id: string;
  targetRef: string;
  result: string;
  strategy: string;
  message: string;
  link?: string;
  runId?: number;
  commits: number;
  gates: Array<{ id: string; status: string; message: string }>;
};

function summarize(record: PromotionRecord): PromotionSummary {
  return {
    id: record.id,
    targetRef: record.targetRef,
    result: record.result,
    strategy: record.strategy,
    message: record.message ?? `Promotion ${record.result}`,
    ...(record.link ? { link: record.link } : {}),
    ...(record.runId !== undefined ? { runId: record.runId } : {}),
    commits: record.commits.length,
    gates: record.gates.map(({ id, status, message }) => ({
      id,
      status,
      message,
    })),
  };
}

/** The source environment named by `environmentRef`; only Environment entities can promote. */
function sourceOf(environmentRef: string): CompoundEntityRef {
  let ref: CompoundEntityRef;
  try {
    ref = parseEntityRef(environmentRef, {
      defaultKind: 'environment',
      defaultNamespace: 'default',
    });
  } catch {
    throw new InputError(
      `environmentRef ${JSON.stringify(environmentRef)} is not an entity ref`,
    );
  }
  if (ref.kind.toLocaleLowerCase('en-US') !== 'environment') {
    throw new InputError(
      `environmentRef ${stringifyEntityRef(ref)} is a ${
        ref.kind
      }, not an Environment`,
    );
  }
  return ref;
}

/**
 * What the promote action is built with.
 *
 * @public
 */
export interface EnvironmentPromoteActionOptions {
  /** Finds the environments backend (`@stageline/plugin-environments-backend`). */
  discovery: DiscoveryService;
  /** Issues the token the action calls the environments backend with, on behalf of the task's user. */
  auth: AuthService;
}

/**
 * `environment:promote`: promotes an environment into its `promotesTo` target through the
 * environments backend's promote route (`POST /api/environments/environments/:namespace/:name/promote`)
 * as the user who started the task — the one promotion path, with the permission check, the lock
 * per target, the promotion history and the audit event. The backend runs the gates and promotes
 * through GitHub (pull request, merge or workflow dispatch); a failing gate changes nothing.
 *
 * @public
 */
export function createEnvironmentPromoteAction(
  options: EnvironmentPromoteActionOptions,
) {
  const client = new EnvironmentsPromoteClient(options);
  return createTemplateAction({
    id: ID,
    description:
      'Promotes an environment into its promotesTo target through the environments backend (permission check, one promotion per target at a time, history, audit) and GitHub (pull request, merge of the approved pull request, or workflow dispatch), after the gates: deployment complete, checks green, no freeze window',
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
        strategy: z =>
          z
            .string({
              description:
                'The strategy used; absent in a dry run where the environments backend has no GitHub configured and none was named',
            })
            .optional(),
        target: z =>
          z
            .string({
              description:
                'Entity ref of the environment promoted into; absent in a dry run where the environments backend has no GitHub configured',
            })
            .optional(),
        message: z =>
          z.string({ description: 'What happened, in one sentence' }),
        promotionId: z =>
          z
            .string({
              description:
                'Id of the promotion in the history of the environments backend (GET .../promotions); absent in a dry run, which is not recorded',
            })
            .optional(),
        link: z =>
          z
            .string({
              description:
                'The pull request or workflow run; the compare page in a dry run',
            })
            .optional(),
        pullRequestNumber: z =>
          z
            .number({
              description:
                'The pull request a pull-request or merge promotion opened, reused or merged',
            })
            .optional(),
        runId: z =>
          z
            .number({
              description:
                'The workflow run a workflow-dispatch promotion started',
            })
            .optional(),
        runUrl: z =>
          z.string({ description: 'The page of that run' }).optional(),
        pullRequestUrl: z =>
          z.string({ description: 'The page of that pull request' }).optional(),
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
      const source = sourceOf(input.environmentRef);
      const sourceRef = stringifyEntityRef(source);
      const dryRun = Boolean(ctx.isDryRun || input.dryRun);
      const credentials = await ctx.getInitiatorCredentials();
      ctx.logger.info(
        `${
          dryRun ? 'Checking the gates of promoting' : 'Promoting'
        } ${sourceRef} into its promotesTo with ${
          input.strategy ? `strategy ${input.strategy}` : 'the default strategy'
        }, through the environments backend`,
      );
      const promote = async () =>
        summarize(
          await client.promote({
            source,
            body: { dryRun, strategy: input.strategy },
            credentials,
            signal: ctx.signal,
          }),
        );

      let summary: PromotionSummary;
      if (!dryRun) {
        // A retried task that promoted replays this; one that was refused asks again.
        summary = await ctx.checkpoint({
          key: `environment.promote.${sourceRef}.${
            input.strategy ?? 'default'
          }`,
          fn: promote,
        });
      } else {
        try {
          summary = await promote();
        } catch (error) {
          if (
            !ctx.isDryRun ||
            (error as Error).name !== 'ServiceUnavailableError'
          )
            throw error;
          // Local and template-editor dry runs have no GitHub token: say so instead of failing.
          const message = `Dry run: gates not evaluated: ${
            (error as Error).message
          }; a real run fails here until it is configured`;
          ctx.logger.warn(message);
          ctx.output('result', 'dry-run');
          if (input.strategy) ctx.output('strategy', input.strategy);
          ctx.output('message', message);
          ctx.output('commits', 0);
          ctx.output('gates', []);
          return;
        }
      }

      for (const gate of summary.gates) {
        ctx.logger.info(`Gate ${gate.id}: ${gate.status}: ${gate.message}`);
      }
      ctx.logger.info(summary.message);
      if (dryRun) {
        ctx.logger.info(
          `Dry run: nothing was promoted into ${summary.targetRef} or recorded in its promotion history`,
        );
      } else {
        ctx.logger.info(
          `Recorded as promotion ${summary.id} into ${summary.targetRef}`,
        );
        ctx.output('promotionId', summary.id);
      }
      ctx.output('result', summary.result);
      ctx.output('strategy', summary.strategy);
      ctx.output('target', summary.targetRef);
      ctx.output('message', summary.message);
      ctx.output('commits', summary.commits);
      ctx.output('gates', summary.gates);
      if (!summary.link) return;
      ctx.output('link', summary.link);
      if (summary.runId !== undefined) {
        ctx.output('runId', summary.runId);
        ctx.output('runUrl', summary.link);
      }
      const pullRequest = pullRequestOfLink(summary.link);
      if (pullRequest) {
        ctx.output('pullRequestNumber', pullRequest.number);
        ctx.output('pullRequestUrl', pullRequest.url);
      }
    },
  });
}
