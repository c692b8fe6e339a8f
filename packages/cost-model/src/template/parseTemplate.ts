import { parse } from 'yaml';
import { CFN_YAML_TAGS } from './cfnYamlTags';

/**
 * A CloudFormation template, as far as the estimate reads it.
 *
 * @public
 */
export interface CloudFormationTemplate {
  /** Template parameters; their `Default` values are used. */
  readonly Parameters?: Record<string, { Type?: string; Default?: unknown }>;
  /** Lookup tables for `Fn::FindInMap`. */
  readonly Mappings?: Record<string, Record<string, Record<string, unknown>>>;
  /** Named conditions. */
  readonly Conditions?: Record<string, unknown>;
  /** Macros, e.g. `AWS::Serverless-2016-10-31`. */
  readonly Transform?: unknown;
  /** The resources. */
  readonly Resources: Record<
    string,
    { Type: string; Properties?: Record<string, unknown>; Condition?: string }
  >;
}

/**
 * Reads a template given as an object, a JSON string or a YAML string (short-form intrinsics
 * such as `!Ref`, `!Sub`, `!GetAtt`, `!If` included).
 *
 * @throws Error when the text does not parse or has no `Resources` section
 * @public
 */
export function parseTemplate(input: string | object): CloudFormationTemplate {
  let template: unknown = input;
  if (typeof input === 'string') {
    const text = input.trim();
    try {
      template = text.startsWith('{')
        ? JSON.parse(text)
        : parse(text, { customTags: CFN_YAML_TAGS, maxAliasCount: -1 });
    } catch (error) {
      throw new Error(
        `Template does not parse as JSON or YAML: ${(error as Error).message}`,
      );
    }
  }
  const resources = (template as { Resources?: unknown } | null)?.Resources;
  if (
    typeof resources !== 'object' ||
    resources === null ||
    Array.isArray(resources)
  ) {
    throw new Error(
      'Not a CloudFormation template: it has no Resources section',
    );
  }
  for (const [logicalId, resource] of Object.entries(resources)) {
    if (typeof (resource as { Type?: unknown })?.Type !== 'string') {
      throw new Error(`Invalid template: resource ${logicalId} has no Type`);
    }
  }
  return template as CloudFormationTemplate;
}
