import { CloudFormationTemplate } from './parseTemplate';
import { SAM_TRANSFORM } from './resolveTemplate';

type Resource = CloudFormationTemplate['Resources'][string];

/** SAM resource types that take properties from a `Globals` section. */
const GLOBALS_OF: Record<string, string> = {
  'AWS::Serverless::Function': 'Function',
  'AWS::Serverless::Api': 'Api',
  'AWS::Serverless::HttpApi': 'HttpApi',
  'AWS::Serverless::SimpleTable': 'SimpleTable',
};

/** Implicit APIs SAM creates for function events without an explicit API. */
const IMPLICIT_APIS = [
  {
    event: 'Api',
    idProperty: 'RestApiId',
    logicalId: 'ServerlessRestApi',
    type: 'AWS::Serverless::Api',
    globals: 'Api',
  },
  {
    event: 'HttpApi',
    idProperty: 'ApiId',
    logicalId: 'ServerlessHttpApi',
    type: 'AWS::Serverless::HttpApi',
    globals: 'HttpApi',
  },
] as const;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function usesSam(transform: unknown): boolean {
  return (Array.isArray(transform) ? transform : [transform]).includes(
    SAM_TRANSFORM,
  );
}

/** Whether any function has an event of `type` without its own API id. */
function needsImplicitApi(
  resources: Record<string, Resource>,
  type: string,
  idProperty: string,
): boolean {
  return Object.values(resources).some(resource => {
    if (resource.Type !== 'AWS::Serverless::Function') return false;
    const events = resource.Properties?.Events;
    return (
      isObject(events) &&
      Object.values(events).some(
        event =>
          isObject(event) &&
          event.Type === type &&
          !(
            isObject(event.Properties) &&
            event.Properties[idProperty] !== undefined
          ),
      )
    );
  });
}

/**
 * Expands what the AWS SAM transform (`AWS::Serverless-2016-10-31`) changes for pricing:
 * `Globals` are merged into each serverless resource's properties (its own win), and the
 * implicit `ServerlessRestApi` / `ServerlessHttpApi` that function `Api` / `HttpApi` events
 * create are added. Serverless resources keep their types and are priced as what they become
 * (a Lambda function, a REST or HTTP API, a DynamoDB table). A template without the transform
 * is returned as it is.
 *
 * @internal
 */
export function expandSam(template: CloudFormationTemplate): {
  template: CloudFormationTemplate;
  notes: string[];
} {
  if (!usesSam(template.Transform)) return { template, notes: [] };
  const globals = isObject((template as { Globals?: unknown }).Globals)
    ? ((template as { Globals?: unknown }).Globals as Record<string, unknown>)
    : {};
  const resources: Record<string, Resource> = {};
  for (const [id, resource] of Object.entries(template.Resources)) {
    const section = globals[GLOBALS_OF[resource.Type]];
    resources[id] = isObject(section)
      ? {
          ...resource,
          Properties: { ...section, ...(resource.Properties ?? {}) },
        }
      : resource;
  }
  const notes = [
    'AWS SAM transform expanded: Globals merged into serverless resources',
  ];
  for (const api of IMPLICIT_APIS) {
    if (
      resources[api.logicalId] ||
      !needsImplicitApi(resources, api.event, api.idProperty)
    )
      continue;
    const section = globals[api.globals];
    resources[api.logicalId] = {
      Type: api.type,
      Properties: isObject(section) ? { ...section } : {},
    };
    notes.push(
      `the implicit ${api.logicalId} SAM creates for ${api.event} events is priced`,
    );
  }
  return { template: { ...template, Resources: resources }, notes };
}
