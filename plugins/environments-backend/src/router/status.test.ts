import { setTimeout as sleep } from 'node:timers/promises';
import request from 'supertest';
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { DescribeAlarmsCommand } from '@aws-sdk/client-cloudwatch';
import {
  CostExplorerServiceException,
  GetCostAndUsageCommand,
  GetCostForecastCommand,
} from '@aws-sdk/client-cost-explorer';
import { http, HttpResponse } from 'msw';
import { DEPLOYER_KEYS } from '@stageline/aws-stand-in';
import type { EnvironmentStatus } from '@stageline/plugin-environments-common';
import { setupStandIns } from '../__testUtils__/standIns';
import {
  awsConfig,
  githubConfig,
  startEnvironmentsBackend,
} from '../__testUtils__/startEnvironmentsBackend';
import {
  apiComponent,
  environmentEntity,
  HEALTH_URL,
  productionEnvironment,
  REPO,
  STAGING_TEMPLATE,
  stagingEnvironment,
} from '../__testUtils__/fixtures';

jest.setTimeout(60_000);

const standIns = setupStandIns();
const auth = mockCredentials.user.header();
const LIST =
  '/api/environments/environments?entityRef=component:default/macro-ai-api';

function stackAnswer(status = 'UPDATE_COMPLETE') {
  const stack = standIns.aws
    .cloudFormation()
    .seedStack('MacroAiStagingStack', STAGING_TEMPLATE, {
      status,
      tags: [{ Key: 'stageline.dev/commit', Value: 'abc1234' }],
      outputs: { ApiUrl: 'https://api-staging.macro-ai.com' },
    });
  stack.creationTime = new Date('2026-01-01T00:00:00Z');
  stack.lastUpdatedTime = new Date('2026-01-05T12:00:00Z');
  return stack;
}

/** Cost Explorer answers month-to-date and forecast amounts (USD), as the real service does. */
function costExplorerAnswers(monthToDate: string, forecast: string) {
  standIns.costExplorer.on(GetCostAndUsageCommand).resolves({
    ResultsByTime: [
      { Total: { UnblendedCost: { Amount: monthToDate, Unit: 'USD' } } },
    ],
  });
  standIns.costExplorer
    .on(GetCostForecastCommand)
    .resolves({ Total: { Amount: forecast, Unit: 'USD' } });
}

async function list(config = {}) {
  const { server } = await startEnvironmentsBackend({ config });
  const res = await request(server).get(LIST).set('Authorization', auth);
  expect(res.status).toBe(200);
  const items = res.body.items as EnvironmentStatus[];
  return { items, staging: items[0], production: items[1], server };
}

describe('GET /environments?entityRef=', () => {
  it('lists the component environments in promotion order, previews after', async () => {
    const { items } = await list();
    expect(items.map(i => i.name)).toEqual([
      'macro-ai-api-staging',
      'macro-ai-api-production',
      'macro-ai-api-pr-42',
    ]);
    expect(items[2].pullRequest).toBe(42);
  });

  it('says what to configure when neither GitHub nor AWS is configured', async () => {
    const { staging } = await list();
    expect(staging.deployment.status).toBe('unconfigured');
    expect(staging.deployment.message).toMatch(
      /AWS is not configured: add aws.mainAccount/,
    );
    expect(staging.promotion.status).toBe('unconfigured');
    expect(staging.promotion.message).toMatch(
      /GitHub is not configured: add integrations.github/,
    );
    expect(staging.health.status).toBe('ok');
    expect(staging.health.state).toBe('healthy');
    expect(staging.health.message).toMatch(
      /stack and alarms not checked: AWS is not configured/,
    );
  });

  it('answers 404 for a component that does not exist', async () => {
    const { server } = await startEnvironmentsBackend();
    const res = await request(server)
      .get('/api/environments/environments?entityRef=component:default/nope')
      .set('Authorization', auth);
    expect(res.status).toBe(404);
  });

  it('rejects a malformed entityRef naming the parameter', async () => {
    const { server } = await startEnvironmentsBackend();
    const res = await request(server)
      .get('/api/environments/environments?entityRef=component:default/')
      .set('Authorization', auth);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/entityRef must be an entity ref/);
  });

  it('lists every environment without entityRef, filtered by owner', async () => {
    const { server } = await startEnvironmentsBackend();
    const all = await request(server)
      .get('/api/environments/environments')
      .set('Authorization', auth);
    expect(all.body.items).toHaveLength(3);
    const none = await request(server)
      .get('/api/environments/environments?owner=group:default/someone-else')
      .set('Authorization', auth);
    expect(none.body.items).toHaveLength(0);
  });
});

describe('promotion section', () => {
  it('shows pending commits and the open pull request (approved, mergeable) from GitHub', async () => {
    standIns.github.push(REPO, 'develop', 3, 'Add feature');
    // Opened a while ago: GitHub has computed whether it can be merged.
    standIns.github.mergeabilityReads = 0;
    standIns.github.openPull(
      REPO,
      'develop',
      'main',
      'Promote staging to production',
    );
    standIns.github.reviewPull(REPO, 1, {
      reviews: [{ login: 'alice', state: 'APPROVED' }],
    });
    const { staging, production } = await list(githubConfig);
    expect(staging.promotion).toMatchObject({
      status: 'ok',
      target: 'environment:default/macro-ai-api-production',
      sourceBranch: 'develop',
      targetBranch: 'main',
      commitsAhead: 3,
      compareUrl: 'https://github.com/acme/macro-ai/compare/main...develop',
      pullRequest: {
        number: 1,
        state: 'open',
        url: 'https://github.com/acme/macro-ai/pull/1',
        approved: true,
        mergeable: true,
      },
    });
    expect(staging.promotion.commits?.[0].message).toBe('Add feature 3');
    expect(production.promotion.status).toBe('ok');
    expect(production.promotion.message).toMatch(/last stage/);
  });

  it('compares the commits the two stacks run: what staging runs that production does not', async () => {
    const main = standIns.github.repo(REPO).branches.get('main')!;
    const develop = standIns.github.push(REPO, 'develop', 3, 'Add feature');
    const fake = standIns.aws.cloudFormation();
    fake.seedStack('MacroAiStagingStack', STAGING_TEMPLATE, {
      tags: [{ Key: 'stageline.dev/commit', Value: develop }],
    });
    fake.seedStack('MacroAiProductionStack', STAGING_TEMPLATE, {
      tags: [{ Key: 'stageline.dev/commit', Value: main }],
    });
    standIns.cloudWatch.on(DescribeAlarmsCommand).resolves({});
    standIns.costExplorer
      .on(GetCostAndUsageCommand)
      .resolves({ ResultsByTime: [] });

    const { staging, production } = await list({
      ...githubConfig,
      ...awsConfig,
    });

    expect(staging.deployment.commit).toBe(develop);
    expect(production.deployment.commit).toBe(main);
    expect(staging.promotion.deployed).toEqual({
      sourceCommit: develop,
      targetCommit: main,
      status: 'ahead',
      commitsAhead: 3,
      commitsBehind: 0,
      compareUrl: `https://github.com/acme/macro-ai/compare/${main}...${develop}`,
    });
  });

  it('reports a GitHub failure in its own section only', async () => {
    standIns.github.failWith = 401;
    const { staging } = await list(githubConfig);
    expect(staging.promotion.status).toBe('error');
    expect(staging.promotion.message).toMatch(
      /Could not read the promotion state from GitHub: GitHub refused .* check the token or app permissions/,
    );
    expect(JSON.stringify(staging)).not.toContain('ghp_');
    expect(staging.health.status).toBe('ok');
  });

  it('times out a hanging GitHub while the other sections answer', async () => {
    standIns.github.delayMs = 60_000;
    const { staging } = await list({
      ...githubConfig,
      environments: { status: { providerTimeout: { milliseconds: 300 } } },
    });
    expect(staging.promotion.status).toBe('error');
    expect(staging.promotion.message).toMatch(/timed out after 300 ms/);
    expect(staging.health.status).toBe('ok');
    expect(staging.deployment.status).toBe('unconfigured');
  });
});

describe('deployment section', () => {
  it('reads the stack, its outputs, version, commit and events', async () => {
    stackAnswer();
    standIns.cloudWatch
      .on(DescribeAlarmsCommand)
      .resolves({ MetricAlarms: [], CompositeAlarms: [] });
    standIns.costExplorer
      .on(GetCostAndUsageCommand)
      .resolves({ ResultsByTime: [] });
    const { staging } = await list(awsConfig);
    expect(staging.deployment).toMatchObject({
      status: 'ok',
      stackName: 'MacroAiStagingStack',
      stackStatus: 'UPDATE_COMPLETE',
      lastUpdated: '2026-01-05T12:00:00.000Z',
      version: '1.4.0',
      commit: 'abc1234',
      outputs: { ApiUrl: 'https://api-staging.macro-ai.com', Version: '1.4.0' },
    });
    expect(staging.deployment.events?.[0]).toMatchObject({
      logicalResourceId: 'MacroAiStagingStack',
      resourceType: 'AWS::CloudFormation::Stack',
      resourceStatus: 'UPDATE_COMPLETE',
    });
    expect(staging.deployment.consoleUrl).toMatch(
      /^https:\/\/eu-west-2\.console\.aws\.amazon\.com/,
    );
    expect(
      standIns.aws.requests.filter(
        r =>
          r.action === 'DescribeStackEvents' &&
          r.params.StackName === 'MacroAiStagingStack',
      ),
    ).toHaveLength(1);
  });

  it('reports a CloudFormation failure as an error without credentials in it', async () => {
    standIns.server.use(
      http.post(
        'https://cloudformation.eu-west-2.amazonaws.com/',
        () =>
          new HttpResponse(
            '<ErrorResponse xmlns="http://cloudformation.amazonaws.com/doc/2010-05-15/"><Error><Type>Sender</Type><Code>AccessDenied</Code><Message>User is not authorized; token=AKIAIOSFODNN7EXAMPLE</Message></Error><RequestId>1</RequestId></ErrorResponse>',
            { status: 403, headers: { 'content-type': 'text/xml' } },
          ),
      ),
    );
    standIns.cloudWatch.on(DescribeAlarmsCommand).resolves({});
    const { staging } = await list(awsConfig);
    expect(staging.deployment.status).toBe('error');
    expect(staging.deployment.message).toMatch(
      /Could not read stack MacroAiStagingStack/,
    );
    expect(JSON.stringify(staging)).not.toContain('AKIAIOSFODNN7EXAMPLE');
  });
});

describe('health section', () => {
  it('turns unhealthy with a failing dependency and an alarm of the stack', async () => {
    stackAnswer();
    standIns.health.status = 503;
    standIns.health.body = {
      status: 'unhealthy',
      checks: { database: { status: 'unhealthy' } },
    };
    standIns.cloudWatch.on(DescribeAlarmsCommand).resolves({
      MetricAlarms: [
        {
          AlarmName: 'MacroAiStagingStack-Api5xx-1AB2',
          StateValue: 'ALARM',
          StateReason: 'Threshold crossed',
        },
      ],
    });
    const { staging } = await list(awsConfig);
    expect(staging.health.state).toBe('unhealthy');
    expect(staging.health.httpStatus).toBe(503);
    expect(staging.health.checks).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: 'database', state: 'unhealthy' }),
        expect.objectContaining({
          name: 'alarm MacroAiStagingStack-Api5xx-1AB2',
          state: 'unhealthy',
        }),
        expect.objectContaining({ name: 'stack', state: 'healthy' }),
      ]),
    );
    expect(
      standIns.cloudWatch.commandCalls(DescribeAlarmsCommand, {
        AlarmNamePrefix: 'MacroAiStagingStack',
        StateValue: 'ALARM',
      }),
    ).toHaveLength(1);
  });

  it('probes only hosts in environments.health.allowedHosts', async () => {
    const { staging } = await list({
      environments: {
        health: { allowedHosts: ['*.macro-ai.com', 'localhost'] },
      },
    });
    expect(standIns.health.requests).toBe(0);
    expect(staging.health.status).toBe('unconfigured');
    expect(staging.health.message).toContain(
      'http not checked: the host health.test of spec.healthCheck.url is not in environments.health.allowedHosts: add it there to have it probed',
    );
  });

  it('does not follow a redirect to a host outside environments.health.allowedHosts', async () => {
    const metadata =
      'http://169.254.169.254/latest/meta-data/iam/security-credentials/';
    let metadataRequests = 0;
    standIns.server.use(
      http.get(metadata, () => {
        metadataRequests++;
        return HttpResponse.text('backstage-instance-role');
      }),
    );
    standIns.health.redirectTo = metadata;
    const { staging } = await list({
      environments: { health: { allowedHosts: ['health.test'] } },
    });
    expect(standIns.health.requests).toBe(2); // staging and production
    expect(metadataRequests).toBe(0);
    expect(staging.health.checks).toEqual([
      {
        name: 'http',
        state: 'unknown',
        detail: `${HEALTH_URL} redirects to host 169.254.169.254, whose host is not in environments.health.allowedHosts: not followed`,
      },
    ]);
    expect(JSON.stringify(staging)).not.toContain('backstage-instance-role');
  });

  it('follows redirects to hosts named in environments.health.allowedHosts, and only to them', async () => {
    const answered: string[] = [];
    standIns.server.use(
      http.get('http://:host/ready', ({ params }) => {
        answered.push(String(params.host));
        return HttpResponse.json({ status: 'ok' });
      }),
    );
    standIns.health.redirectTo = 'http://status.health.test/ready';
    const allowed = await list({
      environments: {
        health: { allowedHosts: ['health.test', 'status.health.test'] },
      },
    });
    expect(allowed.staging.health.state).toBe('healthy');
    expect(allowed.staging.health.checks?.[0]).toMatchObject({
      name: 'http',
      state: 'healthy',
      detail: expect.stringMatching(/^HTTP 200 in \d+ ms \(status ok\)$/),
    });

    standIns.health.redirectTo = 'http://elsewhere.test/ready';
    const elsewhere = await list();
    expect(elsewhere.staging.health.state).toBe('unknown');
    // staging and production each, with the list; elsewhere.test never
    expect(answered).toEqual(['status.health.test', 'status.health.test']);
  });

  it('probes nothing when environments.health.allowedHosts is not set', async () => {
    const { staging } = await list({
      environments: { health: { allowedHosts: [] } },
    });
    expect(standIns.health.requests).toBe(0);
    expect(staging.health.message).toContain(
      'http not checked: health probes are off until environments.health.allowedHosts lists the hosts they may reach',
    );
  });

  it('is unconfigured for an environment without health URL or stack', async () => {
    const { items } = await list();
    const preview = items[2];
    expect(preview.health.status).toBe('unconfigured');
    expect(preview.health.message).toMatch(
      /http not checked: .*no spec.healthCheck.url/,
    );
    expect(preview.promotion.message).toMatch(/Previews are not promoted/);
  });

  it('is an error when the only applicable check hangs, and the others still answer', async () => {
    standIns.health.hang = true;
    const { staging } = await list({
      environments: {
        status: { providerTimeout: { milliseconds: 300 } },
        health: { httpTimeout: { seconds: 30 } },
      },
    });
    expect(staging.health.status).toBe('error');
    expect(staging.health.message).toMatch(/http check timed out after 300 ms/);
    expect(staging.deployment.status).toBe('unconfigured');
  });
});

describe('GET /environments/:namespace/:name/status', () => {
  it('returns one environment and 404 for an unknown one', async () => {
    const { server } = await startEnvironmentsBackend();
    const ok = await request(server)
      .get('/api/environments/environments/default/macro-ai-api-staging/status')
      .set('Authorization', auth);
    expect(ok.status).toBe(200);
    expect(ok.body.entityRef).toBe('environment:default/macro-ai-api-staging');
    const missing = await request(server)
      .get('/api/environments/environments/default/nope/status')
      .set('Authorization', auth);
    expect(missing.status).toBe(404);
  });

  it('requires authentication', async () => {
    const { server } = await startEnvironmentsBackend();
    const res = await request(server)
      .get('/api/environments/environments/default/macro-ai-api-staging/status')
      .set('Authorization', mockCredentials.none.header());
    expect(res.status).toBe(401);
  });
});

describe('cost section', () => {
  it('estimates against the budget and reads actuals where AWS is configured', async () => {
    stackAnswer();
    standIns.cloudWatch.on(DescribeAlarmsCommand).resolves({});
    costExplorerAnswers('2.00', '3.00');
    const { staging } = await list({
      ...awsConfig,
      environments: { cost: { rate: 0.8 } },
    });
    expect(staging.cost.status).toBe('ok');
    expect(staging.cost.currency).toBe('GBP');
    expect(staging.cost.budget).toEqual({ monthly: 5, currency: 'GBP' });
    expect(staging.cost.estimate?.monthly).toBeGreaterThan(0);
    expect(staging.cost.actual).toMatchObject({
      monthToDate: 1.6,
      forecast: 4,
    });
    expect(staging.cost.budgetState).toBe('near');
    const filters = standIns.costExplorer
      .commandCalls(GetCostAndUsageCommand)
      .map(call => call.args[0].input.Filter);
    expect(filters).toContainEqual({
      Tags: {
        Key: 'aws:cloudformation:stack-name',
        Values: ['MacroAiStagingStack'],
      },
    });
  });

  it('builds the Cost Explorer client once per account and reuses it for every stack', async () => {
    stackAnswer();
    standIns.cloudWatch.on(DescribeAlarmsCommand).resolves({});
    costExplorerAnswers('1.00', '1.00');
    // The preview names no account: the main account's credentials read it.
    const { staging, production } = await list({
      aws: {
        ...(awsConfig.aws as object),
        mainAccount: {
          accessKeyId: DEPLOYER_KEYS.accessKeyId,
          secretAccessKey: DEPLOYER_KEYS.secretAccessKey,
        },
      },
    });
    expect(staging.cost.actual).toBeDefined();
    expect(production.cost.actual).toBeDefined();
    const clientOf = (stackName: string) =>
      standIns.costExplorer.send
        .getCalls()
        .find(
          call =>
            call.args[0] instanceof GetCostAndUsageCommand &&
            call.args[0].input.Filter?.Tags?.Values?.[0] === stackName,
        )?.thisValue;
    // staging and production are in account 123456789012; the preview names no account.
    expect(clientOf('MacroAiStagingStack')).toBeDefined();
    expect(clientOf('MacroAiStagingStack')).toBe(
      clientOf('MacroAiProductionStack'),
    );
    expect(clientOf('MacroAiPr42Stack')).not.toBe(
      clientOf('MacroAiStagingStack'),
    );
    expect(new Set(standIns.costExplorer.send.thisValues).size).toBe(2);
  });

  it('keeps the estimate and says so when Cost Explorer does not answer in time', async () => {
    stackAnswer();
    standIns.cloudWatch.on(DescribeAlarmsCommand).resolves({});
    standIns.costExplorer
      .on(GetCostAndUsageCommand)
      .callsFake(() => new Promise(() => {}));
    const { staging } = await list({
      ...awsConfig,
      environments: {
        status: { providerTimeout: { seconds: 20 } },
        cost: { actualsTimeout: { milliseconds: 300 } },
      },
    });
    expect(staging.cost.status).toBe('ok');
    expect(staging.cost.estimate?.monthly).toBeGreaterThan(0);
    expect(staging.cost.actual).toBeUndefined();
    expect(staging.cost.message).toMatch(
      /^Estimated £\d+\.\d\d\/month at hobby scale \(the deployed template\) against a £5\.00 budget \(\w+\)\. Actual cost unavailable: Cost Explorer did not answer within 300 ms$/,
    );
  });

  it('keeps the estimate and names the AWS error when Cost Explorer refuses', async () => {
    stackAnswer();
    standIns.cloudWatch.on(DescribeAlarmsCommand).resolves({});
    standIns.costExplorer.on(GetCostAndUsageCommand).rejects(
      new CostExplorerServiceException({
        name: 'AccessDeniedException',
        $fault: 'client',
        $metadata: {
          httpStatusCode: 400,
          requestId: '4b6f1a0e-6f0c-4a7e-9d52-1c0d2f3e4a5b',
          attempts: 1,
          totalRetryDelay: 0,
        },
        message:
          'User: arn:aws:sts::123456789012:assumed-role/backstage/i-0abc is not authorized to perform: ce:GetCostAndUsage on resource: arn:aws:ce:us-east-1:123456789012:/GetCostAndUsage because no identity-based policy allows the ce:GetCostAndUsage action',
      }),
    );
    const { staging } = await list(awsConfig);
    expect(staging.cost.status).toBe('ok');
    expect(staging.cost.estimate?.monthly).toBeGreaterThan(0);
    expect(staging.cost.actual).toBeUndefined();
    expect(staging.cost.message).toContain(
      'Actual cost unavailable: User: arn:aws:sts::123456789012:assumed-role/backstage/i-0abc is not authorized to perform: ce:GetCostAndUsage',
    );
  });

  // https://docs.aws.amazon.com/aws-cost-management/latest/APIReference/API_GetCostForecast.html#API_GetCostForecast_Errors
  it.each([
    [
      'DataUnavailableException',
      'Insufficient amount of historical data to generate forecast.',
      'no-data',
      /month to date £1\.60, no forecast yet: Cost Explorer has too little cost history for this stack to forecast/,
    ],
    [
      'AccessDeniedException',
      'User: arn:aws:sts::123456789012:assumed-role/backstage/i-0abc is not authorized to perform: ce:GetCostForecast',
      'error',
      /month to date £1\.60\. Forecast unavailable: Cost Explorer refused the forecast \(AccessDeniedException: User: .* is not authorized to perform: ce:GetCostForecast\); allow ce:GetCostForecast/,
    ],
    [
      'LimitExceededException',
      'Rate exceeded',
      'error',
      /Forecast unavailable: Cost Explorer throttled the forecast \(LimitExceededException: Rate exceeded\)/,
    ],
    [
      'ValidationException',
      'Start date must be before end date',
      'error',
      /Forecast unavailable: Cost Explorer rejected the forecast period \d{4}-\d\d-\d\d to \d{4}-\d\d-01 \(ValidationException: Start date must be before end date\)/,
    ],
  ] as const)(
    'tells a forecast refused with %s apart and shows it',
    async (name, awsMessage, kind, message) => {
      stackAnswer();
      standIns.cloudWatch.on(DescribeAlarmsCommand).resolves({});
      costExplorerAnswers('2.00', '3.00');
      standIns.costExplorer.on(GetCostForecastCommand).rejects(
        new CostExplorerServiceException({
          name,
          $fault: 'client',
          $metadata: { httpStatusCode: 400, attempts: 1, totalRetryDelay: 0 },
          message: awsMessage,
        }),
      );
      const { staging } = await list({
        ...awsConfig,
        environments: { cost: { rate: 0.8 } },
      });
      expect(staging.cost.status).toBe('ok');
      expect(staging.cost.actual).toMatchObject({
        monthToDate: 1.6,
        forecastUnavailable: { kind },
      });
      expect(staging.cost.actual?.forecast).toBeUndefined();
      expect(staging.cost.message).toMatch(message);
    },
  );

  it('reports an estimate that cannot be made as a cost error while the other sections answer', async () => {
    const unnamed = environmentEntity(
      'macro-ai-api-staging',
      stagingEnvironment.spec,
      {
        'github.com/project-slug': REPO,
        'stageline.dev/app-name': 'Macro_AI',
      },
    );
    const { server } = await startEnvironmentsBackend({
      entities: [apiComponent, unnamed, productionEnvironment],
    });
    const res = await request(server)
      .get('/api/environments/environments/default/macro-ai-api-staging/status')
      .set('Authorization', auth);
    const status = res.body as EnvironmentStatus;
    expect(status.cost).toMatchObject({
      status: 'error',
      message: expect.stringMatching(
        /^Could not estimate Macro_AI at staging × hobby: Invalid appName "Macro_AI": expected lower-case kebab-case/,
      ),
      error: { name: 'Error' },
    });
    expect(status.health.status).toBe('ok');
    expect(status.deployment.status).toBe('unconfigured');
    expect(status.promotion.status).toBe('unconfigured');
  });

  it('answers a what-if for another scale and rejects an unknown scale', async () => {
    const { server } = await startEnvironmentsBackend();
    const whatIf = await request(server)
      .get(
        '/api/environments/environments/default/macro-ai-api-production/cost?scale=enterprise',
      )
      .set('Authorization', auth);
    expect(whatIf.status).toBe(200);
    expect(whatIf.body.scale).toBe('enterprise');
    expect(whatIf.body.message).toMatch(
      /No actual cost until AWS is configured/,
    );
    const bad = await request(server)
      .get(
        '/api/environments/environments/default/macro-ai-api-production/cost?scale=huge',
      )
      .set('Authorization', auth);
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(
      /scale must be one of hobby, enhanced-hobby, enterprise/,
    );
  });
});

describe('status cache', () => {
  const STAGING_STATUS =
    '/api/environments/environments/default/macro-ai-api-staging/status';

  it('keeps a status with an error section for errorCacheTtl only, a healthy one for cacheTtl', async () => {
    standIns.github.push(REPO, 'develop', 1);
    standIns.github.failWith = 401;
    const { server } = await startEnvironmentsBackend({
      config: {
        ...githubConfig,
        environments: { status: { errorCacheTtl: { milliseconds: 400 } } },
      },
    });
    const promotion = async () => {
      const res = await request(server)
        .get(STAGING_STATUS)
        .set('Authorization', auth);
      return (res.body as EnvironmentStatus).promotion;
    };

    expect((await promotion()).status).toBe('error');
    standIns.github.failWith = undefined;
    expect((await promotion()).status).toBe('error'); // still cached
    await sleep(600);
    const healed = await promotion();
    expect(healed).toMatchObject({ status: 'ok', commitsAhead: 1 });

    standIns.github.push(REPO, 'develop', 1);
    await sleep(600);
    expect((await promotion()).commitsAhead).toBe(1); // cached for cacheTtl (10 min)
  });
});

describe('scheduled refresh', () => {
  it('warms every environment so the first page view asks no provider', async () => {
    standIns.github.push(REPO, 'develop', 1);
    const scheduler = mockServices.scheduler.mock();
    const { server } = await startEnvironmentsBackend({
      config: {
        ...githubConfig,
        environments: {
          // Past the provider timeout the batched read gives up and each status reads on its
          // own; a machine busy with other suites must not turn this test into that one.
          status: { scheduledRefresh: true, providerTimeout: { seconds: 30 } },
        },
      },
      features: [scheduler.factory],
    });
    expect(scheduler.scheduleTask).toHaveBeenCalledWith(
      expect.objectContaining({
        id: 'environments-status-refresh',
        frequency: { minutes: 5 },
      }),
    );
    const task = scheduler.scheduleTask.mock.calls[0][0];
    await task.fn(new AbortController().signal);
    const requestsWhileWarming = standIns.github.rateLimitUnits();
    expect(requestsWhileWarming).toBeGreaterThan(0);
    // every promotion state in one batched GraphQL query, no REST read of branches or pulls
    expect(standIns.github.counts.graphqlQueries).toBe(1);
    expect(
      standIns.github
        .calls(REPO)
        .filter(call => /^GET \/(git|compare|pulls)/.test(call)),
    ).toEqual([]);

    const res = await request(server).get(LIST).set('Authorization', auth);
    expect(res.body.items[0].promotion.commitsAhead).toBe(1);
    expect(standIns.github.rateLimitUnits()).toBe(requestsWhileWarming);
    expect(standIns.github.counts.notModified).toBe(0);
  });
});
