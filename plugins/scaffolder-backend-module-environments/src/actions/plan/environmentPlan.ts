import { InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { BUDGET_CURRENCIES } from '@stageline/plugin-environments-common';
import type { z } from 'zod/v3';
import { changeSetNameFor } from '../../lib/aws/changeSetNameFor';
import { describeChangeSummary } from '../../lib/aws/ChangeSummary';
import {
  cloudFormationClientFor,
  describeTarget,
  resolveEnvironmentTarget,
  stackWaitTiming,
  withAwsErrors,
} from '@stageline/plugin-environments-node';
import { environmentTargetFields } from '../../lib/environment/environmentTargetFields';
import { parseActionInput } from '../../lib/input/parseActionInput';
import { estimateCost } from '../../lib/plan/estimateCost';
import {
  formatPlanSummary,
  topCostLines,
} from '../../lib/plan/formatPlanSummary';
import type { ChangePreview } from '../../lib/plan/previewChanges';
import { previewChanges } from '../../lib/plan/previewChanges';
import { plannedTemplate } from '../../lib/plan/plannedTemplate';
import { TEMPLATE_BODY_LIMIT_BYTES } from '../../lib/plan/synthesizeTarget';
import { checkSchedule, scheduleField } from '../../lib/plan/scheduleField';
import {
  ExistingEnvironments,
  findExistingEnvironments,
} from '../../lib/plan/findExistingEnvironments';
import type { EnvironmentPlanActionOptions } from '../EnvironmentActionOptions';
import { examples } from './environmentPlan.examples';

const ID = 'environment:plan';

const inputFields = {
  ...environmentTargetFields,
  budget: (zImpl: typeof z) =>
    zImpl
      .number({
        description:
          "Monthly budget; overrides the Environment's spec.budget.monthly",
      })
      .positive()
      .optional(),
  currency: (zImpl: typeof z) =>
    zImpl
      .enum(BUDGET_CURRENCIES, {
        description:
          "Currency of the budget and estimate. Default: the Environment's budget currency, else environments.cost.currency (GBP)",
      })
      .optional(),
  schedule: scheduleField,
  component: (zImpl: typeof z) =>
    zImpl
      .string({
        description:
          'Entity ref of the component a new environment (app + stage) is for, e.g. component:default/macro-ai-api: the plan warns when it already has an Environment at that stage',
      })
      .min(1)
      .optional(),
  failOverBudget: (zImpl: typeof z) =>
    zImpl
      .boolean({
        description:
          'Fail the step when the estimate is over budget, with an InputError naming the overshoot and the top cost lines (the dry-run API answers 400)',
      })
      .optional(),
};

/** What to do about a plan refused over budget, at the end of the error. */
const OVER_BUDGET_HINT =
  'To go ahead anyway, set confirmOverBudget ("Go ahead even if the new scale is over budget" in the scale-environment template), which plans without failOverBudget; or choose a smaller scale, or raise the budget';

const costLineSchema = (zImpl: typeof z) =>
  zImpl.object({
    logicalId: zImpl.string(),
    type: zImpl.string(),
    monthly: zImpl.number(),
    basis: zImpl.string(),
  });

/**
 * `environment:plan`: synthesizes an environment's stack for its stage and scale, estimates its
 * monthly cost against its budget and, where AWS is configured, works out what a deploy would
 * add, modify and replace through a change set it deletes again. Changes nothing.
 *
 * @public
 */
export function createEnvironmentPlanAction(
  options: EnvironmentPlanActionOptions,
) {
  const { catalog, aws, cost = {} } = options;
  return createTemplateAction({
    id: ID,
    description:
      "Synthesizes an environment's stack, estimates its monthly cost against the budget and, where AWS is configured, shows what a deploy would change. Changes nothing",
    examples,
    supportsDryRun: true,
    schema: {
      input: inputFields,
      output: {
        stackName: z => z.string({ description: 'The CloudFormation stack' }),
        mode: z =>
          z.string({
            description:
              "How the stack is deployed: the Environment's spec.deployment.mode (reference for app + stage)",
          }),
        templateSource: z =>
          z.string({
            description:
              "What was priced: reference-profile (the @stageline/cdk-environments profile; for cdk-app and pipeline Environments it stands in where their own template cannot be read, and the log says why), cdk-app (the service's CDK app from the task workspace) or deployed (the deployed template of a pipeline Environment)",
          }),
        stage: z => z.string({ description: 'The stage planned' }),
        scale: z =>
          z.string({
            description:
              "The scale planned: the scale input when given, else the environment's",
          }),
        estimate: z =>
          z
            .object({
              currency: z.string(),
              total: z.number(),
              lines: z.array(costLineSchema(z)),
              unpriced: z.array(
                z.object({
                  logicalId: z.string(),
                  type: z.string(),
                  reason: z.string(),
                }),
              ),
              assumptions: z.array(z.string()),
              scheduleSaving: z.number().optional(),
            })
            .describe('Monthly cost estimate; lines most expensive first'),
        withinBudget: z =>
          z.boolean({ description: 'False when the estimate is over budget' }),
        budgetState: z =>
          z.string({
            description:
              'within, near (environments.cost.nearBudgetRatio of the budget, default 80%, or more), over, or unknown (no budget)',
          }),
        budget: z =>
          z
            .object({ monthly: z.number(), currency: z.string() })
            .describe(
              'The budget the estimate was checked against, when there is one',
            )
            .optional(),
        awsConfigured: z =>
          z.boolean({
            description:
              'Whether AWS was configured, so the changes could be read',
          }),
        changeSummary: z =>
          z
            .object({
              source: z.string(),
              added: z.number().optional(),
              modified: z.number().optional(),
              replaced: z.number().optional(),
              removed: z.number().optional(),
              changes: z
                .array(
                  z.object({
                    action: z.string(),
                    logicalId: z.string(),
                    type: z.string(),
                    replacement: z.string().optional(),
                  }),
                )
                .optional(),
              reason: z.string().optional(),
            })
            .describe(
              'change-set, new-stack (all added) or unavailable (reason says why)',
            ),
        existingEnvironments: z =>
          z
            .array(z.string(), {
              description:
                'For app + stage: Environments already in the catalog for that component and stage, or for that stack; registering another makes a duplicate',
            })
            .optional(),
        summary: z => z.string({ description: 'The plan as Markdown' }),
      },
    },
    async handler(ctx) {
      const input = parseActionInput(ID, inputFields, ctx.input);
      const credentials = await ctx.getInitiatorCredentials();
      const target = await resolveEnvironmentTarget({
        input: { ...input, schedule: checkSchedule(input.schedule) },
        catalog,
        credentials,
      });
      const where = describeTarget(target);
      ctx.logger.info(`Planning ${where}`);
      let duplicates: ExistingEnvironments | undefined;
      if (!target.entityRef) {
        duplicates = await findExistingEnvironments({
          catalog,
          credentials,
          target,
          componentRef: input.component,
        });
        ctx.output('existingEnvironments', duplicates.refs);
        duplicates.warnings.forEach(warning => ctx.logger.warn(warning));
      }
      const configuration = aws.getConfiguration();
      const cloudFormation = configuration.configured
        ? await cloudFormationClientFor(aws, target)
        : undefined;
      const planned = await withAwsErrors(
        `reading the deployed template of ${target.stackName}`,
        target,
        () =>
          plannedTemplate({
            target,
            isDryRun: !!ctx.isDryRun,
            cloudFormation,
            workspacePath: ctx.workspacePath,
            synthTimeoutMs: options.synthTimeoutMs,
            logger: ctx.logger,
            signal: ctx.signal,
          }),
      );
      const { synthesized } = planned;
      ctx.logger.info(`Pricing ${planned.description}`);
      const currency =
        target.budget?.currency ?? input.currency ?? cost.currency ?? 'GBP';
      const { estimate, verdict } = estimateCost(target, synthesized.template, {
        ...cost,
        currency,
      });

      ctx.output('stackName', target.stackName);
      ctx.output('mode', target.deployment.mode);
      ctx.output('templateSource', planned.source);
      ctx.output('stage', target.stage);
      ctx.output('scale', target.scale);
      ctx.output('estimate', estimate);
      ctx.output('withinBudget', verdict.withinBudget);
      ctx.output('budgetState', verdict.state);
      if (verdict.budget) ctx.output('budget', verdict.budget);
      ctx.logger.info(`Estimated monthly cost of ${where}: ${verdict.summary}`);
      for (const line of topCostLines(estimate)) {
        ctx.logger.info(`  ${line}`);
      }
      if (estimate.unpriced.length) {
        ctx.logger.info(
          `  not priced: ${estimate.unpriced
            .map(u => `${u.logicalId} (${u.type})`)
            .join(', ')}`,
        );
      }

      if (!verdict.withinBudget && input.failOverBudget) {
        // An InputError: the refusal is the user's choice to make, so the scaffolder's dry-run API
        // answers 400 (Backstage's error handler maps errors by name), not 500.
        throw new InputError(
          `${target.stackName} at ${target.scale} scale is over budget: ${
            verdict.summary
          }. Top costs: ${topCostLines(estimate, 3).join(
            '; ',
          )}. ${OVER_BUDGET_HINT}`,
        );
      }

      ctx.output('awsConfigured', configuration.configured);
      const templateBytes = Buffer.byteLength(synthesized.templateBody, 'utf8');
      let changes: ChangePreview;
      if (!configuration.configured) {
        changes = {
          source: 'unavailable',
          reason: `estimate only: ${configuration.message}`,
        };
      } else if (ctx.isDryRun || !cloudFormation) {
        changes = {
          source: 'unavailable',
          reason: 'dry run: no change set was created',
        };
      } else if (planned.noChangeSet) {
        changes = { source: 'unavailable', reason: planned.noChangeSet };
      } else if (templateBytes > TEMPLATE_BODY_LIMIT_BYTES) {
        changes = {
          source: 'unavailable',
          reason: `the template is ${templateBytes.toLocaleString(
            'en-GB',
          )} bytes, over CloudFormation's inline limit for a plan's change set; environment:deploy shows the change set before it executes`,
        };
      } else {
        changes = await ctx.checkpoint({
          key: `environment.plan.${target.stackName}.${target.scale}.changes`,
          fn: () =>
            withAwsErrors(
              `working out the changes to ${target.stackName}`,
              target,
              () =>
                previewChanges({
                  cloudFormation,
                  stackName: target.stackName,
                  synthesized,
                  changeSetName: changeSetNameFor(
                    `plan-${target.scale}`,
                    ctx.task.id,
                  ),
                  timing: stackWaitTiming(options.pollIntervalMs, 10),
                  cleanupTiming: stackWaitTiming(options.pollIntervalMs, 5),
                  onWarning: message => ctx.logger.warn(message),
                  signal: ctx.signal,
                }),
            ),
        });
      }
      ctx.logger.info(
        changes.summary
          ? `Changes: ${describeChangeSummary(changes.summary)}`
          : `Changes not worked out: ${changes.reason}`,
      );
      ctx.output('changeSummary', {
        source: changes.source,
        ...changes.summary,
        ...(changes.reason ? { reason: changes.reason } : {}),
      });
      ctx.output(
        'summary',
        formatPlanSummary({
          target,
          priced: planned.description,
          estimate,
          verdict,
          changes,
          warnings: duplicates?.warnings,
        }),
      );
    },
  });
}
