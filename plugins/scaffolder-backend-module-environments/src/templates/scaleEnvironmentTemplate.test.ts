import { mockCredentials } from '@backstage/backend-test-utils';
import { setupServer } from 'msw/node';
import request from 'supertest';
import { GITHUB_TOKEN, GithubStandIn } from '../__testUtils__/githubStandIn';
import { registerNetworkEdge } from '../__testUtils__/networkEdge';
import { startScaffolder } from '../__testUtils__/scaffolderDryRun';
import { templateDefaults } from '../__testUtils__/templateFiles';

jest.setTimeout(60_000);

const server = setupServer();
registerNetworkEdge(server);

/** macro-ai-api-production (£10 budget) at the form's defaults: enterprise, not confirmed. */
const OVER_BUDGET = {
  ...templateDefaults('scale-environment'),
  environment: 'environment:default/macro-ai-api-production',
};

/** The refusal: the figures, and what to set to go ahead. */
const REFUSAL =
  /^MacroAiProductionStack at enterprise scale is over budget: £[\d,]+\.\d\d a month is over the £10\.00 budget by £[\d,]+\.\d\d \(\d+%\)(; [^.]+)?\. Top costs: .+\. To go ahead anyway, set confirmOverBudget /;

describe('templates/scale-environment', () => {
  let scaffolder: Awaited<ReturnType<typeof startScaffolder>>;

  beforeAll(async () => {
    scaffolder = await startScaffolder();
  });

  it('refuses over budget and not confirmed as bad input (400) in a dry run, with the figures and what to set', async () => {
    expect(OVER_BUDGET).toMatchObject({
      scale: 'enterprise',
      confirmOverBudget: false,
    });

    const result = await scaffolder.dryRun('scale-environment', OVER_BUDGET);

    expect(result.status).toBe(400);
    const { error } = result as unknown as {
      error: { name: string; message: string };
    };
    expect(error.name).toBe('InputError');
    expect(error.message).toMatch(REFUSAL);
  });

  it('shows the cost before and after, and sets the scale of the next deployment, once confirmed', async () => {
    const result = await scaffolder.dryRun('scale-environment', {
      environment: 'environment:default/macro-ai-api-production',
      scale: 'enterprise',
      confirmOverBudget: true,
    });

    expect(result.status).toBe(200);
    expect(result.output.text).toEqual([
      {
        title: 'Before (hobby)',
        content: expect.stringMatching(/a month is within the £10\.00 budget/),
      },
      {
        title: 'After (enterprise)',
        content: expect.stringMatching(/a month is over the £10\.00 budget/),
      },
    ]);
    const messages = scaffolder.messages(result);
    expect(
      messages.some(m =>
        m.includes(
          'Dry run: would set up environment production of acme/macro-ai: branches main; reviewers as it is; wait timer as it is; prevent self-review as it is; variables CDK_DEPLOY_SCALE',
        ),
      ),
    ).toBe(true);
    expect(messages.some(m => m.includes('would deploy'))).toBe(false);
  });

  it('deploys at the new scale when asked', async () => {
    const result = await scaffolder.dryRun('scale-environment', {
      environment: 'environment:default/macro-ai-api-staging',
      scale: 'enhanced-hobby',
      confirmOverBudget: true,
      deploy: true,
    });

    expect(result.status).toBe(200);
    expect(
      scaffolder
        .messages(result)
        .some(m =>
          m.includes(
            'Dry run: would deploy MacroAiStagingStack (staging, enhanced-hobby)',
          ),
        ),
    ).toBe(true);
  });
});

describe('templates/scale-environment run as a task', () => {
  it('fails over budget and not confirmed with the same InputError, before any GitHub call', async () => {
    const github = new GithubStandIn(server);
    const scaffolder = await startScaffolder({
      config: {
        integrations: { github: [{ host: 'github.com', token: GITHUB_TOKEN }] },
      },
    });

    const task = await scaffolder.run('scale-environment', OVER_BUDGET);

    expect(task.status).toBe('failed');
    expect(task.error?.name).toBe('InputError');
    expect(task.error?.message).toMatch(REFUSAL);
    expect(github.requests).toEqual([]);
    expect(task.messages).toContain(
      'Skipping step github-environment because a previous step failed',
    );
  });

  it('sets the scale of the next deployment once confirmed, keeping the other settings', async () => {
    const github = new GithubStandIn(server);
    github.variables.set(
      'production',
      new Map([
        ['CDK_DEPLOY_ENV', 'production'],
        ['CDK_DEPLOY_SCALE', 'hobby'],
      ]),
    );
    const scaffolder = await startScaffolder({
      config: {
        integrations: { github: [{ host: 'github.com', token: GITHUB_TOKEN }] },
      },
    });

    const task = await scaffolder.run('scale-environment', {
      ...OVER_BUDGET,
      confirmOverBudget: true,
    });

    expect([task.status, task.error]).toEqual(['completed', undefined]);
    expect(github.variables.get('production')).toEqual(
      new Map([
        ['CDK_DEPLOY_ENV', 'production'],
        ['CDK_DEPLOY_SCALE', 'enterprise'],
      ]),
    );
    expect(task.output?.text?.map(text => text.title)).toEqual([
      'Before (hobby)',
      'After (enterprise)',
    ]);
  });
});

describe('templates/scale-environment with environments.cost.rate set', () => {
  it('shows the same estimate as the cost card of the environments backend', async () => {
    const scaffolder = await startScaffolder({
      config: {
        integrations: { github: [{ host: 'github.com' }] },
        environments: { cost: { rate: 1.25 } },
      },
    });
    const production =
      '/api/environments/environments/default/macro-ai-api-production/cost';

    const result = await scaffolder.dryRun('scale-environment', {
      environment: 'environment:default/macro-ai-api-production',
      scale: 'enterprise',
      confirmOverBudget: true,
    });
    const card = await request(scaffolder.server)
      .get(production)
      .set('Authorization', mockCredentials.user.header());
    const whatIf = await request(scaffolder.server)
      .get(`${production}?scale=enterprise`)
      .set('Authorization', mockCredentials.user.header());

    expect(result.status).toBe(200);
    expect(card.body.estimate.assumptions).toContain(
      'Converted at £1.25 per $1.',
    );
    const [before, after] = result.output.text!.map(text => text.content);
    // As the cost model's budget summary writes pounds: £1,319.70.
    const pounds = (amount: number) =>
      `£${amount.toLocaleString('en-GB', {
        minimumFractionDigits: 2,
        maximumFractionDigits: 2,
      })}`;
    expect(before).toContain(
      `Estimated cost: **${pounds(card.body.estimate.monthly)} a month`,
    );
    expect(after).toContain(
      `Estimated cost: **${pounds(whatIf.body.estimate.monthly)} a month`,
    );
  });
});
