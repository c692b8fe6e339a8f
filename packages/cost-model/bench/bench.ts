/*
 * Benchmark and budget findings: synth and estimate times per scale profile, and the monthly
 * estimate of every stage × scale of the example app `macro-ai` in GBP next to its budget.
 * Figures are printed, not asserted. Run: node packages/cost-model/bench/run.js
 */
// The bench may reach into the sibling package: the two packages do not depend on each other.
// eslint-disable-next-line @backstage/no-relative-monorepo-imports
import {
  SCALES,
  Scale,
  ScaleProfileOverrides,
  Stage,
  SynthesizeEnvironmentInput,
  synthesizeEnvironment,
} from '../../cdk-environments/src';
import { ShutdownSchedule, checkBudget, estimateMonthlyCost } from '../src';
import { scaling } from './scaling';

const REGION = 'eu-west-2';
const ESTIMATE_RUNS = 50;

function time<T>(fn: () => T): { result: T; ms: number } {
  const start = performance.now();
  const result = fn();
  return { result, ms: performance.now() - start };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function input(
  stage: Stage,
  scale: Scale,
  overrides?: ScaleProfileOverrides,
): SynthesizeEnvironmentInput {
  return {
    appName: 'macro-ai',
    stage,
    scale,
    region: REGION,
    previewId: stage === 'preview' ? 42 : undefined,
    overrides,
  };
}

function timings() {
  console.log(
    `Timings (median; estimate over ${ESTIMATE_RUNS} runs after a warm-up), ${REGION}`,
  );
  console.log(
    'profile          resources  first synth  synth (warm)  estimate  estimate+schedule',
  );
  for (const scale of SCALES) {
    const stage: Stage = scale === 'hobby' ? 'staging' : 'production';
    const first = time(() => synthesizeEnvironment(input(stage, scale)));
    const warm = median(
      [1, 2, 3].map(
        () => time(() => synthesizeEnvironment(input(stage, scale))).ms,
      ),
    );
    const { template } = first.result;
    const schedule: ShutdownSchedule = { shutdown: '0 18 * * 1-5' };
    estimateMonthlyCost(template, {
      region: REGION,
      currency: 'GBP',
      schedule,
    });
    const plain = median(
      Array.from(
        { length: ESTIMATE_RUNS },
        () =>
          time(() =>
            estimateMonthlyCost(template, { region: REGION, currency: 'GBP' }),
          ).ms,
      ),
    );
    const scheduled = median(
      Array.from(
        { length: ESTIMATE_RUNS },
        () =>
          time(() =>
            estimateMonthlyCost(template, {
              region: REGION,
              currency: 'GBP',
              schedule,
            }),
          ).ms,
      ),
    );
    const resources = Object.keys(
      (template as { Resources: object }).Resources,
    ).length;
    console.log(
      `${scale.padEnd(16)} ${String(resources).padStart(9)}  ${first.ms
        .toFixed(0)
        .padStart(8)} ms  ${warm.toFixed(0).padStart(9)} ms  ${plain
        .toFixed(2)
        .padStart(5)} ms  ${scheduled.toFixed(2).padStart(8)} ms`,
    );
  }
}

interface Case {
  readonly label: string;
  readonly stage: Stage;
  readonly scale: Scale;
  readonly budget: number;
  readonly budgetText: string;
  readonly schedule?: ShutdownSchedule;
  readonly overrides?: ScaleProfileOverrides;
}

const STAGING_SCHEDULE: ShutdownSchedule = { shutdown: '0 18 * * 1-5' };

const CASES: Case[] = [
  {
    label: 'staging × hobby',
    stage: 'staging',
    scale: 'hobby',
    budget: 5,
    budgetText: '< £5',
  },
  {
    label: 'staging × hobby, 18:00 shutdown',
    stage: 'staging',
    scale: 'hobby',
    budget: 5,
    budgetText: '< £5',
    schedule: STAGING_SCHEDULE,
  },
  {
    label: 'preview × hobby (PR 42)',
    stage: 'preview',
    scale: 'hobby',
    budget: 5,
    budgetText: "< £5 (staging's)",
  },
  {
    label: 'production × hobby',
    stage: 'production',
    scale: 'hobby',
    budget: 10,
    budgetText: '< £10',
  },
  {
    label: 'production × enhanced-hobby',
    stage: 'production',
    scale: 'enhanced-hobby',
    budget: 10,
    budgetText: "< £10 (hobby's)",
  },
  {
    label: 'production × enterprise',
    stage: 'production',
    scale: 'enterprise',
    budget: 300,
    budgetText: '£100–300',
  },
  {
    label: 'production × enterprise, lean overrides*',
    stage: 'production',
    scale: 'enterprise',
    budget: 300,
    budgetText: '£100–300',
    overrides: {
      network: { natGateways: 1 },
      compute: { desiredCount: 2, architecture: 'arm64' },
      database: { instanceClass: 'db.t4g.medium', allocatedStorageGiB: 50 },
      cache: { nodeType: 'cache.t4g.small' },
      monitoring: { detailedMonitoring: false },
    },
  },
];

function findings() {
  console.log(
    `\nmacro-ai estimates, ${REGION}, GBP at £0.76/$ (default usage assumptions)`,
  );
  console.log(
    'environment                                stack                  £/month  budget            status  unpriced  top line',
  );
  for (const item of CASES) {
    const { stackName, template } = synthesizeEnvironment(
      input(item.stage, item.scale, item.overrides),
    );
    const estimate = estimateMonthlyCost(template, {
      region: REGION,
      currency: 'GBP',
      schedule: item.schedule,
    });
    const check = checkBudget(estimate, {
      monthly: item.budget,
      currency: 'GBP',
    });
    const top = check.topLines[0];
    console.log(
      `${item.label.padEnd(42)} ${stackName.padEnd(22)} ${estimate.total
        .toFixed(2)
        .padStart(7)}  ${item.budgetText.padEnd(16)}  ${check.status.padEnd(
        6,
      )}  ${String(estimate.unpriced.length).padStart(8)}  ${top.type.replace(
        'AWS::',
        '',
      )} £${top.monthly.toFixed(2)}`,
    );
    for (const missing of estimate.unpriced)
      console.log(`    not priced: ${missing.logicalId}: ${missing.reason}`);
    if (estimate.savings)
      console.log(
        `    schedule saves £${estimate.savings.monthly.toFixed(2)} (running ${
          estimate.savings.hoursRunning
        } of 730 h)`,
      );
  }
  console.log(
    '* lean overrides: 1 NAT gateway, 2 ARM tasks, db.t4g.medium Multi-AZ 50 GB, cache.t4g.small × 2, no detailed monitoring',
  );
}

timings();
scaling();
findings();
