import {
  environmentEntityV1alpha1Validator,
  validateEnvironmentEntity,
} from './environmentEntityV1alpha1Validator';

function validEnvironment(): any {
  return {
    apiVersion: 'stageline.dev/v1alpha1',
    kind: 'Environment',
    metadata: { name: 'macro-ai-api-staging' },
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
  it('accepts the docs/design.md example', () => {
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
      expect(validateEnvironmentEntity(withSpec(`spec.${field}`, undefined))).toEqual([
        `spec.${field} is required`,
      ]);
    },
  );

  it.each([
    ['spec.type', 'qa', 'spec.type must be one of development, preview, staging, production; got "qa"'],
    ['spec.scale', 'huge', 'spec.scale must be one of hobby, enhanced-hobby, enterprise; got "huge"'],
    ['spec.budget.currency', 'EUR', 'spec.budget.currency must be one of GBP, USD; got "EUR"'],
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
      `${path} must be an entity reference like [kind:][namespace/]name; got ${JSON.stringify(value)}`,
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
    ['spec.deployment.accountId', 123456789012, 'spec.deployment.accountId must be a string; got 123456789012'],
    ['spec.deployment.accountId', '1234', 'spec.deployment.accountId must be a 12-digit AWS account id in quotes; got "1234"'],
    ['spec.deployment.region', 'London', 'spec.deployment.region must be an AWS region such as eu-west-2; got "London"'],
    ['spec.deployment.stackName', 'my_stack', 'spec.deployment.stackName must be a CloudFormation stack name (a letter, then letters, digits or hyphens); got "my_stack"'],
    ['spec.healthCheck.url', 'ftp://x', 'spec.healthCheck.url must be an http(s) URL; got "ftp://x"'],
    ['spec.budget.monthly', -1, 'spec.budget.monthly must be >= 0; got -1'],
    ['spec.budget.monthly', 'five', 'spec.budget.monthly must be a number; got "five"'],
    ['spec.schedule.shutdown', 'at six', 'spec.schedule.shutdown must be a five-field cron expression in UTC; got "at six"'],
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
    await expect(environmentEntityV1alpha1Validator.check(validEnvironment())).resolves.toBe(true);
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
    await expect(environmentEntityV1alpha1Validator.check(entity)).rejects.toThrow(
      'apiVersion must be one of stageline.dev/v1alpha1; got "stageline.dev/v2"',
    );
  });
});
