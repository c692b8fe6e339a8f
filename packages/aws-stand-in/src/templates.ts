import { isDeepStrictEqual } from 'node:util';
import yaml from 'yaml';

/** A CloudFormation template as the fake reads it. */
export type Template = {
  /** Macros such as `AWS::Serverless-2016-10-31`. */
  Transform?: unknown;
  Parameters?: Record<string, { Type: string; Default?: string }>;
  Rules?: Record<
    string,
    { Assertions?: Array<{ Assert: unknown; AssertDescription?: string }> }
  >;
  Resources?: Record<
    string,
    {
      Type: string;
      Properties?: Record<string, unknown>;
      Metadata?: unknown;
    }
  >;
  Outputs?: Record<string, { Value: unknown; Description?: string }>;
};

/** One entry of a change set's `Changes`, as DescribeChangeSet returns it. */
export type ResourceChange = {
  Action: 'Add' | 'Modify' | 'Remove';
  LogicalResourceId: string;
  ResourceType: string;
  PhysicalResourceId?: string;
  Replacement?: 'True' | 'False';
  Scope: string[];
  Details: Array<{
    Target: { Attribute: string; Name?: string; RequiresRecreation: string };
    Evaluation: 'Static';
    ChangeSource: 'DirectModification';
  }>;
};

/**
 * Properties whose change replaces the resource, from the resource type reference ("Update
 * requires: Replacement"). The few the tests touch; any other change updates in place.
 */
const REPLACING_PROPERTIES: Record<string, string[]> = {
  'AWS::Lambda::Function': ['FunctionName', 'PackageType'],
  'AWS::ApiGatewayV2::Api': ['ProtocolType'],
  'AWS::SNS::Topic': ['TopicName', 'FifoTopic'],
  'AWS::SQS::Queue': ['QueueName', 'FifoQueue'],
  'AWS::S3::Bucket': ['BucketName'],
  'AWS::Logs::LogGroup': ['LogGroupName'],
};

/** CloudFormation takes templates in JSON or YAML; JSON is YAML. */
export function parseTemplate(body: string): Template {
  return yaml.parse(body, { logLevel: 'silent' }) as Template;
}

function changedProperties(
  before: Record<string, unknown> = {},
  after: Record<string, unknown> = {},
): string[] {
  const names = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...names].filter(
    name => !isDeepStrictEqual(before[name], after[name]),
  );
}

/** What deploying `after` over `before` adds, modifies and removes, in template order. */
export function resourceChanges(
  before: Template | undefined,
  after: Template,
  physicalIdOf: (logicalId: string) => string | undefined,
): ResourceChange[] {
  const old = before?.Resources ?? {};
  const next = after.Resources ?? {};
  const changes: ResourceChange[] = [];
  for (const [logicalId, resource] of Object.entries(next)) {
    const previous = old[logicalId];
    if (!previous || previous.Type !== resource.Type) {
      changes.push({
        Action: 'Add',
        LogicalResourceId: logicalId,
        ResourceType: resource.Type,
        Scope: [],
        Details: [],
      });
      continue;
    }
    const properties = changedProperties(
      previous.Properties,
      resource.Properties,
    );
    if (properties.length === 0) continue;
    const replacing = REPLACING_PROPERTIES[resource.Type] ?? [];
    const details = properties.map(name => ({
      Target: {
        Attribute: name === 'Tags' ? 'Tags' : 'Properties',
        ...(name === 'Tags' ? {} : { Name: name }),
        RequiresRecreation: replacing.includes(name) ? 'Always' : 'Never',
      },
      Evaluation: 'Static' as const,
      ChangeSource: 'DirectModification' as const,
    }));
    changes.push({
      Action: 'Modify',
      LogicalResourceId: logicalId,
      ResourceType: resource.Type,
      PhysicalResourceId: physicalIdOf(logicalId),
      Replacement: properties.some(name => replacing.includes(name))
        ? 'True'
        : 'False',
      Scope: [...new Set(details.map(d => d.Target.Attribute))],
      Details: details,
    });
  }
  for (const [logicalId, resource] of Object.entries(old)) {
    if (next[logicalId]?.Type === resource.Type) continue;
    changes.push({
      Action: 'Remove',
      LogicalResourceId: logicalId,
      ResourceType: resource.Type,
      PhysicalResourceId: physicalIdOf(logicalId),
      Scope: [],
      Details: [],
    });
  }
  return changes;
}

/** Evaluates the intrinsic functions CDK's `CheckBootstrapVersion` rule uses. */
export function evaluateCondition(
  expression: unknown,
  parameters: Record<string, string>,
): unknown {
  if (Array.isArray(expression)) {
    return expression.map(e => evaluateCondition(e, parameters));
  }
  if (expression && typeof expression === 'object') {
    const [[fn, args]] = Object.entries(expression);
    const values = evaluateCondition(args, parameters) as any;
    switch (fn) {
      case 'Ref':
        return parameters[args as string];
      case 'Fn::Not':
        return !values[0];
      case 'Fn::Contains':
        return (values[0] as unknown[]).includes(values[1]);
      case 'Fn::Equals':
        return values[0] === values[1];
      default:
        throw new Error(`The AWS stand-in cannot evaluate ${fn} in a rule`);
    }
  }
  return expression;
}
