import { LineCounter, parseDocument } from 'yaml';
import { CFN_YAML_TAGS } from './cfnYamlTags';
import {
  TEMPLATE_LIMITS,
  TemplateLimitError,
  checkTemplateShape,
} from './templateLimits';

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

function isStackOverflow(error: unknown): boolean {
  return (
    error instanceof RangeError && /call stack/i.test(String(error.message))
  );
}

function tooDeep(): TemplateLimitError {
  return new TemplateLimitError(
    `Template nested too deeply: more than ${TEMPLATE_LIMITS.maxDepth} levels`,
  );
}

/**
 * YAML with CloudFormation's short-form tags. An unknown tag (`!Vault`) is an error naming it
 * and its line, as CloudFormation rejects it; alias expansion is bounded.
 */
function parseYaml(text: string): unknown {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, {
    customTags: CFN_YAML_TAGS,
    lineCounter,
    prettyErrors: false,
  });
  const problems = [...document.errors, ...document.warnings];
  if (problems.some(problem => /call stack/i.test(problem.message)))
    throw tooDeep();
  const unknownTag = problems.find(
    problem => problem.code === 'TAG_RESOLVE_FAILED',
  );
  if (unknownTag) {
    const { line } = lineCounter.linePos(unknownTag.pos[0]);
    const tag = /Unresolved tag: (\S+)/.exec(unknownTag.message)?.[1];
    throw new Error(
      tag
        ? `Template YAML has an unknown tag ${tag} at line ${line}: CloudFormation knows only its intrinsic function tags (!Ref, !Sub, !GetAtt, ...)`
        : `Template YAML tag error at line ${line}: ${unknownTag.message}`,
    );
  }
  if (document.errors.length > 0) {
    const [first] = document.errors;
    const { line } = lineCounter.linePos(first.pos[0]);
    throw new Error(
      `Template does not parse as JSON or YAML: line ${line}: ${first.message}`,
    );
  }
  try {
    return document.toJS({ maxAliasCount: TEMPLATE_LIMITS.maxAliasCount });
  } catch (error) {
    if (/Excessive alias count/.test(String((error as Error).message))) {
      throw new TemplateLimitError(
        `Template YAML expands aliases too much (more than ${TEMPLATE_LIMITS.maxAliasCount} alias expansions): refused as a resource exhaustion attack`,
      );
    }
    throw error;
  }
}

function parseText(input: string): unknown {
  if (input.length > TEMPLATE_LIMITS.maxChars) {
    throw new TemplateLimitError(
      `Template too large: ${input.length.toLocaleString(
        'en-US',
      )} characters; the limit is ${TEMPLATE_LIMITS.maxChars.toLocaleString(
        'en-US',
      )} (CloudFormation's own limit is 1 MB)`,
    );
  }
  const text = input.trim();
  try {
    if (!text.startsWith('{')) return parseYaml(text);
    try {
      return JSON.parse(text);
    } catch (error) {
      throw new Error(
        `Template does not parse as JSON or YAML: ${(error as Error).message}`,
      );
    }
  } catch (error) {
    if (isStackOverflow(error)) throw tooDeep();
    throw error;
  }
}

/**
 * Reads a template given as an object, a JSON string or a YAML string (short-form intrinsics
 * such as `!Ref`, `!Sub`, `!GetAtt`, `!If` included). Hostile input fails fast: see
 * {@link TEMPLATE_LIMITS}.
 *
 * @throws Error when the text does not parse, has an unknown YAML tag or no `Resources`
 *   section; {@link TemplateLimitError} when it is over a limit or circular
 * @public
 */
export function parseTemplate(input: string | object): CloudFormationTemplate {
  const template: unknown =
    typeof input === 'string' ? parseText(input) : input;
  checkTemplateShape(template);
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
