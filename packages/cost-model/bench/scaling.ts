/*
 * Estimate time against template size: the real-world fixtures' resources repeated to 100 and
 * 1,000 resources (JSON text, as the backend receives it), and how fast hostile YAML is
 * refused. Figures are printed, never asserted (goal: under 50 ms and 500 ms in-process).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { estimateMonthlyCost, parseTemplate } from '../src';

const FIXTURES = join(__dirname, '..', 'src', '__fixtures__', 'real-templates');
const RUNS = 20;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function timed(fn: () => unknown): number {
  const start = performance.now();
  fn();
  return performance.now() - start;
}

/** `count` resources copied round-robin from the fixtures, ids suffixed so each copy is its own. */
function templateOf(count: number): string {
  const sources = readdirSync(FIXTURES)
    .filter(file => file.endsWith('.yaml') && !file.startsWith('sam-'))
    .map(file => parseTemplate(readFileSync(join(FIXTURES, file), 'utf8')));
  const pool = sources.flatMap(template =>
    Object.entries(template.Resources).map(([id, resource]) => ({
      id,
      resource,
      template,
    })),
  );
  const Resources: Record<string, unknown> = {};
  const Parameters: Record<string, unknown> = {};
  const Conditions: Record<string, unknown> = {};
  for (let index = 0; index < count; index++) {
    const { id, resource, template } = pool[index % pool.length];
    Resources[`${id}${Math.floor(index / pool.length)}`] = resource;
    Object.assign(Parameters, template.Parameters);
    Object.assign(Conditions, template.Conditions);
  }
  return JSON.stringify({ Parameters, Conditions, Resources });
}

function billionLaughs(): string {
  const lines = ['a: &a [x, x, x, x, x, x, x, x, x]'];
  const names = 'abcdefghi';
  for (let level = 1; level < names.length; level++) {
    lines.push(
      `${names[level]}: &${names[level]} [${Array(9)
        .fill(`*${names[level - 1]}`)
        .join(', ')}]`,
    );
  }
  lines.push(
    'Resources:',
    '  T: {Type: AWS::SNS::Topic, Properties: {Tags: *i}}',
  );
  return lines.join('\n');
}

export function scaling(): void {
  console.log(
    `\nEstimate time by template size (median of ${RUNS} runs, us-east-1, JSON text)`,
  );
  console.log('resources  estimate');
  for (const count of [100, 1000]) {
    const text = templateOf(count);
    estimateMonthlyCost(text, { region: 'us-east-1' });
    const ms = median(
      Array.from({ length: RUNS }, () =>
        timed(() => estimateMonthlyCost(text, { region: 'us-east-1' })),
      ),
    );
    console.log(
      `${String(count).padStart(9)}  ${ms.toFixed(2).padStart(7)} ms`,
    );
  }
  const laughs = billionLaughs();
  const refused = median(
    Array.from({ length: RUNS }, () =>
      timed(() => {
        try {
          estimateMonthlyCost(laughs, { region: 'us-east-1' });
        } catch {
          // refused, as intended
        }
      }),
    ),
  );
  console.log(
    `billion-laughs YAML (${laughs.length} bytes) refused in ${refused.toFixed(
      2,
    )} ms`,
  );
}
