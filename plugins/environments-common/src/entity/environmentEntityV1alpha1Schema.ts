import {
  BACKEND_HEALTH_PATHS,
  BUDGET_CURRENCIES,
  DEPLOYMENT_MODES,
  ENVIRONMENT_SCALES,
  ENVIRONMENT_STAGES,
} from '../constants';

const entityRef = {
  type: 'string',
  minLength: 1,
  pattern:
    '^([A-Za-z0-9][A-Za-z0-9._-]*:)?([A-Za-z0-9][A-Za-z0-9._-]*/)?[A-Za-z0-9][A-Za-z0-9._-]*$',
  description: 'an entity reference like [kind:][namespace/]name',
};
const workflowInput = {
  type: 'string',
  pattern: '^[A-Za-z_][A-Za-z0-9_-]*$',
  description:
    'a workflow_dispatch input name (letters, digits, - and _, starting with a letter or _)',
};
const pipeline = {
  type: 'object',
  required: ['workflow'],
  additionalProperties: false,
  properties: {
    workflow: {
      type: 'string',
      pattern: '^[A-Za-z0-9._-]+\\.ya?ml$',
      description: 'a workflow file name in .github/workflows, e.g. deploy.yml',
    },
    inputs: {
      type: 'object',
      additionalProperties: false,
      properties: {
        stage: workflowInput,
        scale: workflowInput,
        command: workflowInput,
        previewId: workflowInput,
      },
    },
  },
};
const cdkApp = {
  type: 'object',
  required: ['path'],
  additionalProperties: false,
  properties: {
    path: {
      type: 'string',
      // Relative, inside the repository: no leading slash or drive, no `..` segment, no backslash.
      pattern: '^(?![/~])(?![A-Za-z]:)(?!.*(^|/)\\.\\.(/|$))[^\\\\\\s]+$',
      description:
        'a folder relative to the repository root, e.g. infrastructure (no leading /, no .. segment, no spaces)',
    },
    app: {
      type: 'string',
      minLength: 1,
      pattern: '^[^\\n\\r]+$',
      description:
        'the command that synthesizes the app, on one line, e.g. node bin/app.js',
    },
  },
};
const previews = {
  type: 'object',
  required: ['enabled'],
  additionalProperties: false,
  properties: {
    enabled: { type: 'boolean' },
    ttl: {
      type: 'string',
      pattern: '^[1-9][0-9]{0,4}(m|h|d)$',
      description:
        'a duration in minutes, hours or days, such as 90m, 72h or 3d',
    },
    scale: { type: 'string', enum: [...ENVIRONMENT_SCALES] },
  },
};
const cron = {
  type: 'string',
  pattern: '^\\S+( \\S+){4}$',
  description: 'a five-field cron expression in UTC',
};

/**
 * JSON Schema of the Environment kind, checked after the catalog's envelope schema.
 *
 * @public
 */
export const environmentEntityV1alpha1Schema = {
  $schema: 'http://json-schema.org/draft-07/schema',
  $id: 'EnvironmentV1alpha1',
  description:
    'An Environment is one deployed instance of a component at a stage and a scale.',
  type: 'object',
  required: ['apiVersion', 'kind', 'spec'],
  properties: {
    apiVersion: { enum: ['stageline.dev/v1alpha1'] },
    kind: { enum: ['Environment'] },
    spec: {
      type: 'object',
      required: ['type', 'owner', 'component', 'scale'],
      additionalProperties: false,
      properties: {
        type: { type: 'string', enum: [...ENVIRONMENT_STAGES] },
        owner: entityRef,
        system: entityRef,
        component: entityRef,
        scale: { type: 'string', enum: [...ENVIRONMENT_SCALES] },
        branch: {
          type: 'string',
          minLength: 1,
          pattern: '^[^\\s~^:?*\\[\\\\]+$',
        },
        promotesTo: entityRef,
        deployment: {
          type: 'object',
          required: ['provider'],
          additionalProperties: false,
          properties: {
            provider: { type: 'string', pattern: '^[a-z][a-z0-9-]*$' },
            stackName: {
              type: 'string',
              pattern: '^[A-Za-z][A-Za-z0-9-]{0,127}$',
              description:
                'a CloudFormation stack name (a letter, then letters, digits or hyphens)',
            },
            region: {
              type: 'string',
              pattern: '^[a-z]{2}(-[a-z]+)+-\\d$',
              description: 'an AWS region such as eu-west-2',
            },
            accountId: {
              type: 'string',
              pattern: '^\\d{12}$',
              description: 'a 12-digit AWS account id in quotes',
            },
            mode: { type: 'string', enum: [...DEPLOYMENT_MODES] },
            pipeline,
            cdkApp,
          },
        },
        healthCheck: {
          type: 'object',
          required: ['url'],
          additionalProperties: false,
          properties: {
            url: {
              type: 'string',
              pattern: `^(https?://[^\\s]+|${BACKEND_HEALTH_PATHS.map(path =>
                path.replace(/\./g, '\\.'),
              ).join('|')})$`,
              description: `an http(s) URL, or ${BACKEND_HEALTH_PATHS.join(
                ' or ',
              )} (this Backstage backend's own health)`,
            },
          },
        },
        budget: {
          type: 'object',
          required: ['monthly', 'currency'],
          additionalProperties: false,
          properties: {
            monthly: { type: 'number', minimum: 0 },
            currency: { type: 'string', enum: [...BUDGET_CURRENCIES] },
          },
        },
        schedule: {
          type: 'object',
          additionalProperties: false,
          properties: { shutdown: cron, startup: cron },
        },
        previews,
      },
    },
  },
} as const;
