import { mockCredentials } from '@backstage/backend-test-utils';
import request from 'supertest';
import { startScaffolder } from '../__testUtils__/scaffolderDryRun';

jest.setTimeout(60_000);

describe('templates/scale-environment', () => {
  let scaffolder: Awaited<ReturnType<typeof startScaffolder>>;

  beforeAll(async () => {
    scaffolder = await startScaffolder();
  });

  it('stops before changing anything when the new scale is over budget and not confirmed', async () => {
    const result = await scaffolder.dryRun('scale-environment', {
      environment: 'environment:default/macro-ai-api-production',
      scale: 'enterprise',
    });

    expect(result.status).toBeGreaterThanOrEqual(400);
    expect(JSON.stringify(result)).toMatch(
      /MacroAiProductionStack at enterprise scale is over budget: £[\d,.]+ a month is over the £10\.00 budget/,
    );
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
    expect(before).toContain(
      `Estimated cost: **£${card.body.estimate.monthly.toFixed(2)} a month`,
    );
    expect(after).toContain(
      `Estimated cost: **£${whatIf.body.estimate.monthly.toFixed(2)} a month`,
    );
  });
});
