/*
 * One builder for every entity and status the tests use, shaped like the backend's answers for
 * the example system (macro-ai-api: staging → production, a preview for pull request 42).
 */
import type { Entity } from '@backstage/catalog-model';
import type {
  CostSection,
  DeploymentRecord,
  DeploymentSection,
  EnvironmentEntityV1alpha1,
  EnvironmentStatus,
  HealthSection,
  PromotionRecord,
  PromotionSection,
} from '@stageline/plugin-environments-common';

/** A section override: every field optional, so a test says only what it cares about. */
export interface StatusOverrides
  extends Partial<
    Omit<EnvironmentStatus, 'deployment' | 'promotion' | 'health' | 'cost'>
  > {
  deployment?: Partial<DeploymentSection>;
  promotion?: Partial<PromotionSection>;
  health?: Partial<HealthSection>;
  cost?: Partial<CostSection>;
}

const NOW = '2025-06-02T10:00:00.000Z';

/** The component entity `macro-ai-api`, with its `hasEnvironment` relations. */
export function buildComponentEntity(overrides: Partial<Entity> = {}): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'macro-ai-api', namespace: 'default' },
    spec: {
      type: 'service',
      owner: 'group:default/platform',
      system: 'macro-ai',
    },
    relations: [
      {
        type: 'hasEnvironment',
        targetRef: 'environment:default/macro-ai-api-staging',
      },
      {
        type: 'hasEnvironment',
        targetRef: 'environment:default/macro-ai-api-production',
      },
    ],
    ...overrides,
  };
}

/** The Environment entity `macro-ai-api-<stage>`. */
export function buildEnvironmentEntity(
  stage: 'staging' | 'production' = 'staging',
  spec: Partial<EnvironmentEntityV1alpha1['spec']> = {},
): EnvironmentEntityV1alpha1 {
  const title = stage === 'staging' ? 'Staging' : 'Production';
  return {
    apiVersion: 'stageline.dev/v1alpha1',
    kind: 'Environment',
    metadata: {
      name: `macro-ai-api-${stage}`,
      namespace: 'default',
      title: `Macro AI API (${stage})`,
    },
    spec: {
      type: stage,
      owner: 'group:default/platform',
      system: 'system:default/macro-ai',
      component: 'component:default/macro-ai-api',
      scale: 'hobby',
      branch: stage === 'staging' ? 'develop' : 'main',
      ...(stage === 'staging'
        ? {
            promotesTo: 'environment:default/macro-ai-api-production',
            schedule: { shutdown: '0 18 * * 1-5' },
          }
        : {}),
      deployment: {
        provider: 'cloudformation',
        stackName: `MacroAi${title}Stack`,
        region: 'eu-west-2',
        accountId: '123456789012',
      },
      healthCheck: {
        url: 'http://localhost:7007/.backstage/health/v1/readiness',
      },
      budget: { monthly: stage === 'staging' ? 5 : 10, currency: 'GBP' },
      ...spec,
    },
  };
}

/** A promotion as the history returns it. */
export function buildPromotionRecord(
  overrides: Partial<PromotionRecord> = {},
): PromotionRecord {
  return {
    id: 'promo-1',
    sourceRef: 'environment:default/macro-ai-api-staging',
    targetRef: 'environment:default/macro-ai-api-production',
    actor: 'user:default/guest',
    strategy: 'pull-request',
    result: 'succeeded',
    commits: [{ sha: 'a1b2c3d4e5f6', message: 'Add summaries endpoint' }],
    gates: [
      {
        id: 'freeze-window',
        status: 'passed',
        message: 'No freeze window covers production now',
      },
      {
        id: 'deployment-complete',
        status: 'passed',
        message: 'MacroAiStagingStack is UPDATE_COMPLETE',
      },
      {
        id: 'checks-green',
        status: 'passed',
        message: '2 checks green on develop@a1b2c3d',
      },
      {
        id: 'commits-pending',
        status: 'passed',
        message: '1 commit to promote',
      },
    ],
    link: 'https://github.com/acme/macro-ai/pull/57',
    createdAt: '2025-06-01T09:00:00.000Z',
    finishedAt: '2025-06-01T09:00:05.000Z',
    ...overrides,
  };
}

/**
 * The answer to a dry run (`{ dryRun: true }`) whose gates pass, as the backend sends it: never
 * written to the history (`dry-run-` id), with the strategy the backend chose (its configured
 * default when the request named none).
 */
export function buildDryRunRecord(
  overrides: Partial<PromotionRecord> = {},
): PromotionRecord {
  const strategy = overrides.strategy ?? 'pull-request';
  const verb = {
    'pull-request': 'open (or reuse) a pull request from',
    merge: 'merge the open pull request from',
    'workflow-dispatch': 'dispatch the promote workflow for',
  }[strategy];
  return buildPromotionRecord({
    id: 'dry-run-3f1c9a52-1d7e-4f0b-9a43-8b2c7e6d5f10',
    result: 'dry-run',
    strategy,
    link: 'https://github.com/acme/macro-ai/compare/main...develop',
    message: `Gates passed; would ${verb} develop into main (1 commit)`,
    ...overrides,
  });
}

/**
 * Messages of the 409 `ConflictError` the backend answers a blocked promotion (or dry run) with,
 * as its promotion engine writes them: `Promotion blocked by gate <id> (<message>); gate …`.
 */
export const BLOCKED_MESSAGES = {
  checksFailing:
    'Promotion blocked by gate checks-green (Checks failing on develop@a1b2c3d: lint (check run): failure; ci/build (status): failure)',
  frozenAndNothingPending:
    'Promotion blocked by gate freeze-window (production is frozen by release freeze (2025-06-01T00:00:00Z to 2025-06-08T00:00:00Z)); gate commits-pending (Nothing to promote: main already has every commit of develop)',
  pullRequestNotApproved:
    'Promotion blocked by gate pull-request-ready (Pull request #57 from develop to main cannot be merged: it has no approving review)',
};

/** A cost section: £3.10 of a £5 budget at hobby scale unless overridden. */
export function buildCostSection(
  overrides: Partial<CostSection> = {},
): CostSection {
  return {
    status: 'ok',
    currency: 'GBP',
    scale: 'hobby',
    budget: { monthly: 5, currency: 'GBP' },
    budgetState: 'within',
    estimate: {
      monthly: 3.1,
      lines: [
        {
          logicalId: 'ApiFunction',
          type: 'AWS::Lambda::Function',
          monthly: 1.9,
          basis: '1M requests × 512 MB × 200 ms',
        },
        {
          logicalId: 'Table',
          type: 'AWS::DynamoDB::Table',
          monthly: 0.8,
          basis: 'on demand, 1 GB stored',
        },
        {
          logicalId: 'Logs',
          type: 'AWS::Logs::LogGroup',
          monthly: 0.4,
          basis: '0.8 GB ingested',
        },
      ],
      unpriced: [],
      assumptions: ['Prices for eu-west-2 converted at 0.79 GBP per USD'],
    },
    scheduleSaving: 1.2,
    ...overrides,
  };
}

/** The status of one environment of macro-ai-api; `stage` picks sensible defaults. */
export function buildEnvironmentStatus(
  stage: 'staging' | 'production' | 'preview' = 'staging',
  overrides: StatusOverrides = {},
): EnvironmentStatus {
  const { deployment, promotion, health, cost, ...rest } = overrides;
  const name =
    stage === 'preview' ? 'macro-ai-api-pr-42' : `macro-ai-api-${stage}`;
  const stackName = {
    staging: 'MacroAiStagingStack',
    production: 'MacroAiProductionStack',
    preview: 'MacroAiPr42Stack',
  }[stage];
  return {
    entityRef: `environment:default/${name}`,
    name,
    title: `Macro AI API (${stage === 'preview' ? 'PR #42' : stage})`,
    component: 'component:default/macro-ai-api',
    stage,
    scale: 'hobby',
    branch: {
      staging: 'develop',
      production: 'main',
      preview: 'feature/summaries',
    }[stage],
    ...(stage === 'staging'
      ? { promotesTo: 'environment:default/macro-ai-api-production' }
      : {}),
    ...(stage === 'preview'
      ? {
          pullRequest: 42,
          createdAt: '2025-05-31T10:00:00.000Z',
          preview: {
            pullRequest: {
              number: 42,
              url: 'https://github.com/acme/macro-ai/pull/42',
              author: 'octo-guest',
              branch: 'feature/summaries',
              openedAt: '2025-05-31T10:00:00.000Z',
            },
            lastPushAt: '2025-06-01T10:00:00.000Z',
            ttl: '72h',
            cleanupAt: '2099-06-04T10:00:00.000Z',
            cleanup: { state: 'scheduled' as const },
            costSoFar: {
              amount: 0.37,
              currency: 'GBP' as const,
              basis:
                'the monthly estimate × 48 of 730 hours a month since the pull request opened',
            },
          },
        }
      : {}),
    deployment: {
      status: 'ok',
      provider: 'cloudformation',
      stackName,
      region: 'eu-west-2',
      stackStatus: 'UPDATE_COMPLETE',
      lastUpdated: '2025-06-02T08:00:00.000Z',
      version: stage === 'production' ? '1.4.1' : '1.5.0-rc.2',
      commit: stage === 'production' ? '9f8e7d6c5b4a' : 'a1b2c3d4e5f6',
      outputs: { ApiUrl: `https://api-${stage}.macro-ai.com` },
      events: [
        {
          timestamp: '2025-06-02T08:00:00.000Z',
          logicalResourceId: stackName,
          resourceType: 'AWS::CloudFormation::Stack',
          resourceStatus: 'UPDATE_COMPLETE',
        },
        {
          timestamp: '2025-06-02T07:59:00.000Z',
          logicalResourceId: 'ApiFunction',
          resourceType: 'AWS::Lambda::Function',
          resourceStatus: 'UPDATE_COMPLETE',
        },
      ],
      ...deployment,
    },
    promotion:
      stage === 'staging'
        ? {
            status: 'ok',
            target: 'environment:default/macro-ai-api-production',
            sourceBranch: 'develop',
            targetBranch: 'main',
            commitsAhead: 3,
            commits: [
              {
                sha: 'a1b2c3d4e5f6',
                message: 'Add summaries endpoint',
                author: 'dana',
              },
              {
                sha: 'b2c3d4e5f6a1',
                message: 'Tune Lambda memory',
                author: 'lee',
              },
              {
                sha: 'c3d4e5f6a1b2',
                message: 'Fix typo in README',
                author: 'dana',
              },
            ],
            compareUrl:
              'https://github.com/acme/macro-ai/compare/main...develop',
            pullRequest: {
              number: 57,
              title: 'Promote develop to main',
              url: 'https://github.com/acme/macro-ai/pull/57',
              state: 'open',
            },
            ...promotion,
          }
        : { status: 'ok', ...promotion },
    health: {
      status: 'ok',
      state: 'healthy',
      url: 'http://localhost:7007/.backstage/health/v1/readiness',
      httpStatus: 200,
      latencyMs: 12,
      checks: [
        { name: 'HTTP probe', state: 'healthy', detail: '200 in 12 ms' },
        { name: 'Stack', state: 'healthy', detail: 'UPDATE_COMPLETE' },
      ],
      checkedAt: NOW,
      ...health,
    },
    cost: buildCostSection({
      ...(stage === 'production'
        ? {
            budget: { monthly: 10, currency: 'GBP' },
            estimate: { ...buildCostSection().estimate!, monthly: 8.6 },
            budgetState: 'near',
            scheduleSaving: undefined,
            actual: { monthToDate: 1.45, forecast: 8.9, asOf: NOW },
          }
        : {}),
      ...cost,
    }),
    refreshedAt: NOW,
    ...rest,
  };
}

/** The statuses `GET /environments?entityRef=component:default/macro-ai-api` returns. */
export function buildComponentStatuses(): EnvironmentStatus[] {
  return [
    buildEnvironmentStatus('preview'),
    buildEnvironmentStatus('staging'),
    buildEnvironmentStatus('production'),
  ];
}

/** A deployment as the deployment history returns it: staging deployed at commit 1a2b3c4. */
export function buildDeploymentRecord(
  overrides: Partial<DeploymentRecord> = {},
): DeploymentRecord {
  return {
    id: '7c1e2b4a-9d3f-4e5a-8b6c-0d1e2f3a4b5c',
    environmentRef: 'environment:default/macro-ai-api-staging',
    action: 'deploy',
    mode: 'pipeline',
    actor: 'user:default/guest',
    result: 'succeeded',
    stackName: 'MacroAiStagingStack',
    stackStatus: 'UPDATE_COMPLETE',
    commit: '1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b',
    runId: 9120000001,
    runUrl: 'https://github.com/acme/macro-ai/actions/runs/9120000001',
    message:
      'Run 9120000001 of deploy.yml on develop deployed MacroAiStagingStack (UPDATE_COMPLETE)',
    rollbackSnapshot: false,
    createdAt: '2025-06-01T08:00:00.000Z',
    finishedAt: '2025-06-01T08:04:00.000Z',
    ...overrides,
  };
}
