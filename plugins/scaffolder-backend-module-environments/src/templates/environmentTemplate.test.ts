import { validateEnvironmentEntity } from '@stageline/plugin-environments-common';
import yaml from 'yaml';
import { startScaffolder } from '../__testUtils__/scaffolderDryRun';

jest.setTimeout(60_000);

const VALUES = {
  component: 'component:default/macro-ai-api',
  appName: 'macro-ai',
  stage: 'staging',
  scale: 'hobby',
  region: 'eu-west-2',
  accountId: '123456789012',
  budget: 5,
  currency: 'GBP',
  healthCheckUrl: 'https://api-staging.macro-ai.com/api/health',
  shutdown: '0 18 * * 1-5',
  promotesTo: 'environment:default/macro-ai-api-production',
  reviewers: ['group:default/platform'],
};

describe('templates/environment', () => {
  let scaffolder: Awaited<ReturnType<typeof startScaffolder>>;

  beforeAll(async () => {
    scaffolder = await startScaffolder();
  });

  it('plans a new environment for macro-ai-api in a dry run, showing the estimate before any publish step', async () => {
    const result = await scaffolder.dryRun('environment', VALUES);

    expect(result.status).toBe(200);
    const messages = scaffolder.messages(result);
    const estimate = messages.findIndex(m =>
      /Estimated monthly cost of MacroAiStagingStack \(staging, hobby\) in eu-west-2, account 123456789012: £\d+\.\d\d a month is within the £5\.00 budget/.test(
        m,
      ),
    );
    const pullRequest = messages.indexOf(
      'Beginning step Open a pull request adding the Environment',
    );
    expect(estimate).toBeGreaterThan(0);
    expect(pullRequest).toBeGreaterThan(estimate);
    expect(
      messages.some(m =>
        m.includes(
          'Changes not worked out: estimate only: AWS is not configured',
        ),
      ),
    ).toBe(true);
    expect(
      messages.some(m =>
        m.includes(
          'Dry run: would set up environment staging of acme/macro-ai: branches develop; reviewers group:default/platform',
        ),
      ),
    ).toBe(true);
    expect(result.steps.map(step => step.action)).not.toContain(
      'environment:deploy',
    );

    expect(result.output.links).toEqual([
      {
        title: 'Pull request adding the environment',
        url: 'github.com?owner=acme&repo=macro-ai',
      },
      {
        title: 'Service',
        icon: 'catalog',
        entityRef: 'component:default/macro-ai-api',
      },
    ]);
    expect(result.output.text).toEqual([
      {
        title: 'Plan',
        content: expect.stringMatching(
          /^\*\*MacroAiStagingStack \(staging, hobby\) in eu-west-2, account 123456789012\*\*\n\n/,
        ),
      },
      {
        title: 'Next',
        content: expect.stringContaining(
          "Merge the pull request: the service's workflow deploys the environment",
        ),
      },
    ]);
  });

  it('writes a valid Environment entity for the pull request', async () => {
    const result = await scaffolder.dryRun('environment', VALUES);

    const entity = yaml.parse(
      scaffolder.file(
        result,
        'environment/environments/macro-ai-api-staging.yaml',
      ),
    );
    expect(validateEnvironmentEntity(entity)).toEqual([]);
    expect(entity).toEqual({
      apiVersion: 'stageline.dev/v1alpha1',
      kind: 'Environment',
      metadata: {
        name: 'macro-ai-api-staging',
        title: 'macro-ai-api (staging)',
        annotations: { 'github.com/project-slug': 'acme/macro-ai' },
      },
      spec: {
        type: 'staging',
        owner: 'group:default/platform',
        system: 'macro-ai',
        component: 'component:default/macro-ai-api',
        scale: 'hobby',
        branch: 'develop',
        promotesTo: 'environment:default/macro-ai-api-production',
        deployment: {
          provider: 'cloudformation',
          stackName: 'MacroAiStagingStack',
          region: 'eu-west-2',
          accountId: '123456789012',
        },
        healthCheck: { url: 'https://api-staging.macro-ai.com/api/health' },
        budget: { monthly: 5, currency: 'GBP' },
        schedule: { shutdown: '0 18 * * 1-5' },
      },
    });
  });

  it('warns, before the pull request, that the component already has an Environment at that stage', async () => {
    const result = await scaffolder.dryRun('environment', VALUES);

    const messages = scaffolder.messages(result);
    const warning = messages.findIndex(m =>
      m.includes(
        'component:default/macro-ai-api already has a staging environment in the catalog: environment:default/macro-ai-api-staging; registering another makes a duplicate',
      ),
    );
    expect(warning).toBeGreaterThan(0);
    expect(warning).toBeLessThan(
      messages.indexOf(
        'Beginning step Open a pull request adding the Environment',
      ),
    );
    expect(result.output.text?.[0].content).toContain(
      '**Warning:** component:default/macro-ai-api already has a staging environment',
    );
  });

  it('prices the environment with its shutdown schedule', async () => {
    const values = {
      ...VALUES,
      component: 'component:default/macro-ai-web',
      appName: 'macro-ai-web',
      scale: 'enhanced-hobby',
      budget: 100,
    };
    const scheduled = await scaffolder.dryRun('environment', values);
    const always = await scaffolder.dryRun('environment', {
      ...values,
      shutdown: undefined,
    });

    const plan = (result: typeof scheduled) => result.output.text?.[0].content;
    expect(plan(scheduled)).toMatch(
      /Shutdown schedule \(`0 18 \* \* 1-5`\) saves £\d+\.\d\d\/month/,
    );
    expect(plan(always)).not.toContain('Shutdown schedule');
    const total = (result: typeof scheduled) =>
      Number(/Estimated cost: \*\*£([\d.]+)/.exec(plan(result) ?? '')?.[1]);
    expect(total(scheduled)).toBeLessThan(total(always));
    expect(plan(scheduled)).not.toContain('Warning');
  });

  it('leaves out what was not given', async () => {
    const result = await scaffolder.dryRun('environment', {
      component: 'component:default/macro-ai-api',
      stage: 'production',
      scale: 'enterprise',
      region: 'eu-west-2',
      budget: 300,
      currency: 'GBP',
    });

    expect(result.status).toBe(200);
    const entity = yaml.parse(
      scaffolder.file(
        result,
        'environment/environments/macro-ai-api-production.yaml',
      ),
    );
    expect(validateEnvironmentEntity(entity)).toEqual([]);
    expect(entity.spec).toMatchObject({
      type: 'production',
      scale: 'enterprise',
      branch: 'main',
      deployment: {
        provider: 'cloudformation',
        stackName: 'MacroAiApiProductionStack',
        region: 'eu-west-2',
      },
    });
    expect(entity.spec.deployment.accountId).toBeUndefined();
    expect(entity.spec.schedule).toBeUndefined();
    const messages = scaffolder.messages(result);
    expect(
      messages.some(m =>
        /£[\d,.]+ a month is over the £300\.00 budget/.test(m),
      ),
    ).toBe(true);
  });

  it('refuses values outside the allowed sets, naming the field', async () => {
    const result = await scaffolder.dryRun('environment', {
      ...VALUES,
      scale: 'huge',
    });

    expect(result.status).toBe(400);
    expect(JSON.stringify(result.errors)).toContain('scale');
  });
});
