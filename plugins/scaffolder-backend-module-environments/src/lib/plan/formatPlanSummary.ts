import { formatMoney } from '@stageline/plugin-environments-common';
import {
  describeTarget,
  type EnvironmentTarget,
} from '@stageline/plugin-environments-node';
import { describeChangeSummary } from '../aws/ChangeSummary';
import type { BudgetVerdict, CostEstimate } from './estimateCost';
import type { ChangePreview } from './previewChanges';

/** How many cost lines the summary and the over-budget error show. */
export const TOP_LINES = 5;

/** `NatGateway (AWS::EC2::NatGateway) £2.70: 730 h × £0.0037` lines, most expensive first. */
export function topCostLines(
  estimate: CostEstimate,
  count = TOP_LINES,
): string[] {
  return estimate.lines
    .slice(0, count)
    .map(
      line =>
        `${line.logicalId} (${line.type}) ${formatMoney(
          line.monthly,
          estimate.currency,
        )}: ${line.basis}`,
    );
}

/** The plan as Markdown, for the template's output page. */
export function formatPlanSummary(options: {
  target: EnvironmentTarget;
  /** What was priced, e.g. the reference profile or the deployed template. */
  priced?: string;
  estimate: CostEstimate;
  verdict: BudgetVerdict;
  changes: ChangePreview;
  /** Shown first, each as a warning line. */
  warnings?: string[];
}): string {
  const { target, estimate, verdict, changes, warnings = [] } = options;
  const lines = [`**${describeTarget(target)}**`, ''];
  if (options.priced) lines.push(`Priced: ${options.priced}`, '');
  for (const warning of warnings) {
    lines.push(`**Warning:** ${warning}`, '');
  }
  lines.push(`Estimated cost: **${verdict.summary}**`);
  const shutdown = target.schedule?.shutdown;
  if (estimate.scheduleSaving) {
    lines.push(
      `Shutdown schedule${
        shutdown ? ` (\`${shutdown}\`)` : ''
      } saves ${formatMoney(estimate.scheduleSaving, estimate.currency)}/month`,
    );
  } else if (shutdown) {
    lines.push(
      `Shutdown schedule (\`${shutdown}\`) saves nothing: nothing in this stack is billed by the hour`,
    );
  }
  lines.push(
    '',
    '| resource | type | monthly | basis |',
    '| --- | --- | --- | --- |',
  );
  for (const line of estimate.lines.slice(0, 10)) {
    lines.push(
      `| ${line.logicalId} | ${line.type} | ${formatMoney(
        line.monthly,
        estimate.currency,
      )} | ${line.basis} |`,
    );
  }
  if (estimate.unpriced.length) {
    lines.push(
      '',
      `Not priced: ${estimate.unpriced
        .map(u => `${u.logicalId} (${u.type})`)
        .join(', ')}`,
    );
  }
  lines.push(
    '',
    changes.summary
      ? `Changes (${
          changes.source === 'new-stack' ? 'new stack' : 'change set'
        }): ${describeChangeSummary(changes.summary)}`
      : `Changes: not worked out: ${changes.reason}`,
  );
  return lines.join('\n');
}
