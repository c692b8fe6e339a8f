import {
  environmentEntityV1alpha1Validator,
  validateEnvironmentEntity,
} from './environmentEntityV1alpha1Validator';
import {
  deploymentModeOf,
  pipelineInputNames,
} from './EnvironmentEntityV1alpha1';

function validEnvironment(): any {
  return {
    apiVersion: 'stageline.dev/v1alpha1',
    kind: 'Environment',
    metadata: {
      name: 'macro-ai-api-staging',
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
  };
}

function withSpec(path: string, value: unknown): any {
  const entity = validEnvironment();
  const keys = path.split('.');
  let target = entity;
  for (const key of keys.slice(0, -1)) target = target[key];
  if (value === undefined) delete target[keys[keys.length - 1]];
  else target[keys[keys.length - 1]] = value;
  return entity;
}

describe('validateEnvironmentEntity', () => {
  it('accepts the docs/architecture.md example', () => {
    expect(validateEnvironmentEntity(validEnvironment())).toEqual([]);
  });

  it('accepts a minimal environment with only the required fields', () => {
    const entity = validEnvironment();
    entity.spec = {
      type: 'preview',
      owner: 'platform',
      component: 'macro-ai-api',
      scale: 'enhanced-hobby',
    };
    expect(validateEnvironmentEntity(entity)).toEqual([]);
  });

  it.each(['type', 'owner', 'component', 'scale'])(
    'names the missing required field spec.%s',
    field => {
      expect(
        validateEnvironmentEntity(withSpec(`spec.${field}`, undefined)),
      ).toEqual([`spec.${field} is required`]);
    },
  );

  it.each([
    [
      'spec.type',
      'qa',
      'spec.type must be one of development, preview, staging, production; got "qa"',
    ],
    [
      'spec.scale',
      'huge',
      'spec.scale must be one of hobby, enhanced-hobby, enterprise; got "huge"',
    ],
    [
      'spec.budget.currency',
      'EUR',
      'spec.budget.currency must be one of GBP, USD; got "EUR"',
    ],
  ])('rejects %s = %s naming the allowed values', (path, value, message) => {
    expect(validateEnvironmentEntity(withSpec(path, value))).toEqual([message]);
  });

  it.each([
    ['spec.owner', 'group:default/'],
    ['spec.system', 'not a ref'],
    ['spec.component', 'component:default/macro ai'],
    ['spec.promotesTo', ':production'],
  ])('rejects a malformed entity ref in %s', (path, value) => {
    expect(validateEnvironmentEntity(withSpec(path, value))).toEqual([
      `${path} must be an entity reference like [kind:][namespace/]name; got ${JSON.stringify(
        value,
      )}`,
    ]);
  });

  it.each([
    ['spec.owner', 'component:default/macro-ai-api', 'group or user'],
    ['spec.system', 'group:platform', 'system'],
    ['spec.component', 'system:default/macro-ai', 'component'],
    ['spec.promotesTo', 'component:macro-ai-api', 'environment'],
  ])('rejects %s pointing at the wrong kind', (path, value, kinds) => {
    expect(validateEnvironmentEntity(withSpec(path, value))).toEqual([
      `${path} must refer to a ${kinds}; got "${value}"`,
    ]);
  });

  it.each([
    [
      'spec.deployment.accountId',
      123456789012,
      'spec.deployment.accountId must be a string; got 123456789012',
    ],
    [
      'spec.deployment.accountId',
      '1234',
      'spec.deployment.accountId must be a 12-digit AWS account id in quotes; got "1234"',
    ],
    [
      'spec.deployment.region',
      'London',
      'spec.deployment.region must be an AWS region such as eu-west-2; got "London"',
    ],
    [
      'spec.deployment.stackName',
      'my_stack',
      'spec.deployment.stackName must be a CloudFormation stack name (a letter, then letters, digits or hyphens); got "my_stack"',
    ],
    [
      'spec.healthCheck.url',
      'ftp://x',
      'spec.healthCheck.url must be an http(s) URL, or /.backstage/health/v1/readiness or /.backstage/health/v1/liveness (this Backstage backend\'s own health); got "ftp://x"',
    ],
    [
      'spec.healthCheck.url',
      '/api/catalog/entities',
      'spec.healthCheck.url must be an http(s) URL, or /.backstage/health/v1/readiness or /.backstage/health/v1/liveness (this Backstage backend\'s own health); got "/api/catalog/entities"',
    ],
    ['spec.budget.monthly', -1, 'spec.budget.monthly must be >= 0; got -1'],
    [
      'spec.budget.monthly',
      'five',
      'spec.budget.monthly must be a number; got "five"',
    ],
    [
      'spec.schedule.shutdown',
      'at six',
      'spec.schedule.shutdown must be a five-field cron expression in UTC; got "at six"',
    ],
  ])('rejects %s = %p with a message naming it', (path, value, message) => {
    expect(validateEnvironmentEntity(withSpec(path, value))).toEqual([message]);
  });

  it('names an unknown field, catching typos such as promoteTo', () => {
    expect(validateEnvironmentEntity(withSpec('spec.promoteTo', 'x'))).toEqual([
      'spec has an unknown field "promoteTo"',
    ]);
  });

  it('requires deployment.provider and budget.currency inside their objects', () => {
    const entity = withSpec('spec.deployment', { stackName: 'X' });
    entity.spec.budget = { monthly: 5 };
    expect(validateEnvironmentEntity(entity)).toEqual([
      'spec.deployment.provider is required',
      'spec.budget.currency is required',
    ]);
  });

  it('reports every problem at once', () => {
    const entity = withSpec('spec.scale', 'huge');
    entity.spec.type = 'qa';
    expect(validateEnvironmentEntity(entity)).toHaveLength(2);
  });
});

describe('validateEnvironmentEntity: spec.deployment.mode', () => {
  const withDeployment = (deployment: Record<string, unknown>) =>
    withSpec('spec.deployment', {
      provider: 'cloudformation',
      stackName: 'MacroAiStagingStack',
      region: 'eu-west-2',
      ...deployment,
    });

  it('keeps an Environment without a mode valid: it is a reference deployment', () => {
    const entity = validEnvironment();
    expect(entity.spec.deployment.mode).toBeUndefined();
    expect(validateEnvironmentEntity(entity)).toEqual([]);
    expect(deploymentModeOf(entity)).toBe('reference');
  });

  it('accepts each mode with what it needs', () => {
    for (const deployment of [
      { mode: 'reference' },
      { mode: 'pipeline', pipeline: { workflow: 'deploy.yml' } },
      {
        mode: 'pipeline',
        pipeline: {
          workflow: 'cdk-deploy.yaml',
          inputs: {
            stage: 'environment',
            scale: 'scale',
            command: 'action',
            previewId: 'pr_number',
          },
        },
      },
      { mode: 'cdk-app', cdkApp: { path: 'infrastructure' } },
      { mode: 'cdk-app', cdkApp: { path: '.', app: 'node bin/app.js' } },
      {
        mode: 'cdk-app',
        cdkApp: { path: 'services/api/cdk', app: 'npx tsx "bin/app.ts"' },
      },
    ]) {
      expect(validateEnvironmentEntity(withDeployment(deployment))).toEqual([]);
    }
  });

  it('names the allowed modes', () => {
    expect(
      validateEnvironmentEntity(withDeployment({ mode: 'terraform' })),
    ).toEqual([
      'spec.deployment.mode must be one of pipeline, cdk-app, reference; got "terraform"',
    ]);
  });

  it('requires the workflow of a pipeline deployment, its branch and its repository', () => {
    const entity = withDeployment({ mode: 'pipeline' });
    delete entity.spec.branch;
    delete entity.metadata.annotations;
    expect(validateEnvironmentEntity(entity)).toEqual([
      'spec.deployment.pipeline is required when spec.deployment.mode is pipeline: name the workflow that deploys the stack, e.g. pipeline: { workflow: deploy.yml }',
      'spec.branch is required when spec.deployment.mode is pipeline: the workflow is dispatched on that branch',
      'metadata.annotations.github.com/project-slug is required when spec.deployment.mode is pipeline: it names the repository (owner/repo) whose workflow deploys the stack',
    ]);
  });

  it('requires the app folder and the stack name of a cdk-app deployment', () => {
    const entity = withDeployment({ mode: 'cdk-app' });
    delete entity.spec.deployment.stackName;
    expect(validateEnvironmentEntity(entity)).toEqual([
      'spec.deployment.cdkApp is required when spec.deployment.mode is cdk-app: give the app folder in the repository, e.g. cdkApp: { path: infrastructure }',
      'spec.deployment.stackName is required when spec.deployment.mode is cdk-app: it selects the one stack of the app to deploy',
    ]);
  });

  it('says which mode reads settings given for another mode', () => {
    expect(
      validateEnvironmentEntity(
        withDeployment({ cdkApp: { path: 'infrastructure' } }),
      ),
    ).toEqual([
      'spec.deployment.cdkApp is only read when spec.deployment.mode is cdk-app; got mode "reference": set mode: cdk-app or remove cdkApp',
    ]);
    expect(
      validateEnvironmentEntity(
        withDeployment({
          mode: 'cdk-app',
          cdkApp: { path: 'infrastructure' },
          pipeline: { workflow: 'deploy.yml' },
        }),
      ),
    ).toEqual([
      'spec.deployment.pipeline is only read when spec.deployment.mode is pipeline; got mode "cdk-app": set mode: pipeline or remove pipeline',
    ]);
  });

  it.each([
    [
      { mode: 'pipeline', pipeline: { workflow: 'deploy' } },
      'spec.deployment.pipeline.workflow must be a workflow file name in .github/workflows, e.g. deploy.yml; got "deploy"',
    ],
    [
      { mode: 'pipeline', pipeline: { workflow: '../x/deploy.yml' } },
      'spec.deployment.pipeline.workflow must be a workflow file name in .github/workflows, e.g. deploy.yml; got "../x/deploy.yml"',
    ],
    [
      {
        mode: 'pipeline',
        pipeline: { workflow: 'deploy.yml', inputs: { stage: '1st stage' } },
      },
      'spec.deployment.pipeline.inputs.stage must be a workflow_dispatch input name (letters, digits, - and _, starting with a letter or _); got "1st stage"',
    ],
    [
      {
        mode: 'pipeline',
        pipeline: { workflow: 'deploy.yml', inputs: { environment: 'x' } },
      },
      'spec.deployment.pipeline.inputs has an unknown field "environment"',
    ],
    [
      { mode: 'cdk-app', cdkApp: { path: '../other-repo' } },
      'spec.deployment.cdkApp.path must be a folder relative to the repository root, e.g. infrastructure (no leading /, no .. segment, no spaces); got "../other-repo"',
    ],
    [
      { mode: 'cdk-app', cdkApp: { path: 'infra/../../etc' } },
      'spec.deployment.cdkApp.path must be a folder relative to the repository root, e.g. infrastructure (no leading /, no .. segment, no spaces); got "infra/../../etc"',
    ],
    [
      { mode: 'cdk-app', cdkApp: { path: '/srv/app' } },
      'spec.deployment.cdkApp.path must be a folder relative to the repository root, e.g. infrastructure (no leading /, no .. segment, no spaces); got "/srv/app"',
    ],
    [
      {
        mode: 'cdk-app',
        cdkApp: { path: 'infra', app: 'node a.js\nrm -rf /' },
      },
      'spec.deployment.cdkApp.app must be the command that synthesizes the app, on one line, e.g. node bin/app.js; got "node a.js\\nrm -rf /"',
    ],
    [
      { mode: 'cdk-app', cdkApp: { app: 'node bin/app.js' } },
      'spec.deployment.cdkApp.path is required',
    ],
  ])('rejects %j with a message naming the field', (deployment, message) => {
    expect(validateEnvironmentEntity(withDeployment(deployment))).toEqual([
      message,
    ]);
  });

  it('names a misspelt workflow field as unknown and the workflow as missing', () => {
    expect(
      validateEnvironmentEntity(
        withDeployment({ mode: 'pipeline', pipeline: { file: 'deploy.yml' } }),
      ),
    ).toEqual([
      'spec.deployment.pipeline.workflow is required',
      'spec.deployment.pipeline has an unknown field "file"',
    ]);
  });

  it('fills in the default workflow input names', () => {
    expect(
      pipelineInputNames({ workflow: 'deploy.yml', inputs: { stage: 'env' } }),
    ).toEqual({
      stage: 'env',
      scale: 'scale',
      command: 'command',
      previewId: 'preview-id',
    });
  });
});

describe('environmentEntityV1alpha1Validator', () => {
  it('ignores other kinds', async () => {
    await expect(
      environmentEntityV1alpha1Validator.check({
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: { name: 'x' },
        spec: {},
      }),
    ).resolves.toBe(false);
  });

  it('accepts a valid Environment', async () => {
    await expect(
      environmentEntityV1alpha1Validator.check(validEnvironment()),
    ).resolves.toBe(true);
  });

  it('throws with the entity name and every problem', async () => {
    await expect(
      environmentEntityV1alpha1Validator.check(withSpec('spec.scale', 'huge')),
    ).rejects.toThrow(
      'Invalid Environment "macro-ai-api-staging": spec.scale must be one of hobby, enhanced-hobby, enterprise; got "huge"',
    );
  });

  it('rejects an unknown apiVersion of our group', async () => {
    const entity = validEnvironment();
    entity.apiVersion = 'stageline.dev/v2';
    await expect(
      environmentEntityV1alpha1Validator.check(entity),
    ).rejects.toThrow(
      'apiVersion must be one of stageline.dev/v1alpha1; got "stageline.dev/v2"',
    );
  });
});

describe('validateEnvironmentEntity: spec.previews', () => {
  it('accepts previews with and without their optional fields', () => {
    for (const previews of [
      { enabled: true },
      { enabled: false },
      { enabled: true, ttl: '72h', scale: 'hobby' },
      { enabled: true, ttl: '90m' },
      { enabled: true, ttl: '3d', scale: 'enhanced-hobby' },
    ]) {
      expect(
        validateEnvironmentEntity(withSpec('spec.previews', previews)),
      ).toEqual([]);
    }
  });

  it.each([
    [{}, 'spec.previews.enabled is required'],
    [{ enabled: 'yes' }, 'spec.previews.enabled must be a boolean; got "yes"'],
    [
      { enabled: true, ttl: '3 days' },
      'spec.previews.ttl must be a duration in minutes, hours or days, such as 90m, 72h or 3d; got "3 days"',
    ],
    [{ enabled: true, ttl: 72 }, 'spec.previews.ttl must be a string; got 72'],
    [
      { enabled: true, scale: 'huge' },
      'spec.previews.scale must be one of hobby, enhanced-hobby, enterprise; got "huge"',
    ],
    [
      { enabled: true, ttl: '30m' },
      'spec.previews.ttl must be between 1h and 90d; got "30m"',
    ],
    [
      { enabled: true, ttl: '91d' },
      'spec.previews.ttl must be between 1h and 90d; got "91d"',
    ],
    [{ enabled: true, keep: 3 }, 'spec.previews has an unknown field "keep"'],
  ])('rejects spec.previews = %p naming the field', (previews, message) => {
    expect(
      validateEnvironmentEntity(withSpec('spec.previews', previews)),
    ).toEqual([message]);
  });

  it('refuses previews declared by a preview', () => {
    const entity = withSpec('spec.previews', { enabled: true });
    entity.spec.type = 'preview';
    delete entity.spec.promotesTo;
    expect(validateEnvironmentEntity(entity)).toEqual([
      'spec.previews is not allowed on a preview Environment: declare previews on the Environment they are modelled on, e.g. staging',
    ]);
  });

  it('needs the region previews are deployed in', () => {
    const entity = withSpec('spec.previews', { enabled: true });
    delete entity.spec.deployment.region;
    expect(validateEnvironmentEntity(entity)).toEqual([
      'spec.deployment.region is required when spec.previews.enabled is true: previews are deployed and cleaned up in that region',
    ]);
  });
});

describe('validateEnvironmentEntity: spec.schedule', () => {
  it('reads each cron with cron-parser and says what is wrong with it', () => {
    expect(
      validateEnvironmentEntity(
        withSpec('spec.schedule', {
          shutdown: '0 25 * * 1-5',
          startup: '0 8 * * 1-5',
        }),
      ),
    ).toEqual([
      'spec.schedule.shutdown must be a cron expression (UTC) such as "0 18 * * 1-5": Constraint error, got value 25 expected range 0-23; got "0 25 * * 1-5"',
    ]);
    expect(
      validateEnvironmentEntity(
        withSpec('spec.schedule', {
          shutdown: '0 18 * * 1-5',
          startup: '0 8 * * mon-fri',
        }),
      ),
    ).toEqual([]);
  });
});
