import { BudgetCheck } from '../checkBudget';
import { formatMoney } from '../format';
import { CostEstimate, CostLine } from '../types';

function table(rows: string[][]): string[] {
  const widths = rows[0].map((_, column) =>
    Math.max(...rows.map(row => row[column].length)),
  );
  return rows.map(row =>
    row
      .map((cell, column) =>
        column === 2
          ? cell.padStart(widths[column])
          : cell.padEnd(widths[column]),
      )
      .join('  ')
      .trimEnd(),
  );
}

/**
 * The estimate as a readable report: priced lines, most expensive first, with their basis;
 * the free resources counted by type; the total, saving and budget check; what was not
 * priced; the assumptions.
 *
 * @internal
 */
export function formatEstimate(
  estimate: CostEstimate,
  budget?: BudgetCheck,
): string {
  const money = (amount: number) => formatMoney(amount, estimate.currency);
  // Free resources are counted by type; a 0 line that rests on an assumption (a free tier)
  // stays in the table with its basis.
  const isNoCharge = (line: CostLine) =>
    line.components.length === 0 && line.basis.startsWith('no charge');
  const priced = estimate.lines.filter(line => !isNoCharge(line));
  const free = estimate.lines.filter(isNoCharge);
  const rate =
    estimate.currency === 'GBP' ? ` at £${estimate.exchangeRate} per $` : '';
  const out = [
    `Monthly cost estimate, ${estimate.region}, ${estimate.currency}${rate}`,
    '',
  ];
  out.push(
    ...table([
      ['Resource', 'Type', 'Monthly', 'Basis'],
      ...[...priced]
        .sort((a, b) => b.monthlyUsd - a.monthlyUsd)
        .map(line => [
          line.logicalId,
          line.type,
          money(line.monthly),
          line.basis,
        ]),
      [
        'Total',
        estimate.complete ? '' : '(lower bound: see "Not priced")',
        money(estimate.total),
        '',
      ],
    ]),
  );
  if (free.length > 0) {
    const byType = new Map<string, number>();
    for (const line of free)
      byType.set(line.type, (byType.get(line.type) ?? 0) + 1);
    out.push(
      '',
      `No charge (${free.length}): ${[...byType]
        .map(([type, count]) => `${type} ×${count}`)
        .join(', ')}`,
    );
  }
  if (estimate.savings) {
    const { monthly, hoursRunning, hoursPerMonth } = estimate.savings;
    out.push(
      '',
      `Schedule saves ${money(
        monthly,
      )} a month (running ${hoursRunning} h of ${hoursPerMonth} h).`,
    );
  }
  if (budget)
    out.push('', `Budget: ${budget.status.toUpperCase()}: ${budget.summary}.`);
  if (estimate.unpriced.length > 0) {
    out.push('', `Not priced (${estimate.unpriced.length}):`);
    out.push(
      ...estimate.unpriced.map(
        item => `  ${item.logicalId} (${item.type}): ${item.reason}`,
      ),
    );
  }
  out.push(
    '',
    'Assumptions:',
    ...estimate.assumptions.map(text => `  - ${text}`),
  );
  return out.join('\n');
}
