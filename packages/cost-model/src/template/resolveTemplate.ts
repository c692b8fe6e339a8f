import { dependencyCycles } from './dependencyCycles';
import { CloudFormationTemplate } from './parseTemplate';
import { NO_VALUE, ResourceRef, Unresolved } from './values';

/**
 * A resource with its properties resolved as far as possible.
 *
 * @public
 */
export interface ResolvedResource {
  /** Logical id. */
  readonly logicalId: string;
  /** Resource type. */
  readonly type: string;
  /** Properties: intrinsics replaced by values, {@link ResourceRef} or {@link Unresolved}. */
  readonly properties: Record<string, unknown>;
}

/**
 * A template with conditions evaluated and intrinsic functions resolved where they can be.
 *
 * @public
 */
export interface ResolvedTemplate {
  /** Resources that exist under the conditions, in template order. */
  readonly resources: readonly ResolvedResource[];
  /** Resources by logical id. */
  readonly byId: ReadonlyMap<string, ResolvedResource>;
  /** What the resolution assumed or skipped, in words. */
  readonly notes: readonly string[];
}

type Json = unknown;

/** The AWS SAM transform. */
export const SAM_TRANSFORM = 'AWS::Serverless-2016-10-31';

const PSEUDO: Record<string, (region: string) => Json> = {
  'AWS::Region': region => region,
  'AWS::Partition': () => 'aws',
  'AWS::URLSuffix': () => 'amazonaws.com',
  'AWS::NoValue': () => NO_VALUE,
};

function isObject(value: Json): value is Record<string, Json> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isPrimitive(value: Json): value is string | number | boolean {
  return ['string', 'number', 'boolean'].includes(typeof value);
}

/** Resolves one template; conditions are memoised. */
class Resolver {
  private readonly conditions = new Map<string, boolean | undefined>();
  /** Conditions being evaluated, in order, to name a circular chain. */
  private readonly evaluating: string[] = [];
  readonly notes: string[] = [];

  constructor(
    private readonly template: CloudFormationTemplate,
    private readonly region: string,
    private readonly parameterValues: Readonly<Record<string, string>>,
  ) {}

  condition(name: string): boolean | undefined {
    if (this.conditions.has(name)) return this.conditions.get(name);
    const expression = this.template.Conditions?.[name];
    if (expression === undefined) {
      this.notes.push(`Condition ${name} is undefined: treated as unknown`);
      this.conditions.set(name, undefined);
      return undefined;
    }
    const open = this.evaluating.indexOf(name);
    if (open >= 0) {
      this.notes.push(
        `Conditions are circular (${[...this.evaluating.slice(open), name].join(
          ' → ',
        )}): ${name} treated as unknown; CloudFormation would reject the template`,
      );
      return undefined;
    }
    this.evaluating.push(name);
    const value = this.evaluate(expression);
    this.evaluating.pop();
    this.conditions.set(name, value);
    if (value === undefined) {
      this.notes.push(
        `Condition ${name} depends on values unknown offline: treated as true`,
      );
    }
    return value;
  }

  /** Three-valued: true, false, or undefined when it depends on unknown values. */
  private evaluate(expression: Json): boolean | undefined {
    if (typeof expression === 'boolean') return expression;
    if (!isObject(expression)) return undefined;
    const [fn, args] = Object.entries(expression)[0] ?? [];
    const list = Array.isArray(args) ? args : [args];
    switch (fn) {
      case 'Condition':
        return this.condition(String(args));
      case 'Fn::Not': {
        const value = this.evaluate(list[0]);
        return value === undefined ? undefined : !value;
      }
      case 'Fn::And': {
        const values = list.map(item => this.evaluate(item));
        if (values.includes(false)) return false;
        return values.includes(undefined) ? undefined : true;
      }
      case 'Fn::Or': {
        const values = list.map(item => this.evaluate(item));
        if (values.includes(true)) return true;
        return values.includes(undefined) ? undefined : false;
      }
      case 'Fn::Equals': {
        const [left, right] = list.map(item => this.resolve(item));
        if (!isPrimitive(left) || !isPrimitive(right)) return undefined;
        return String(left) === String(right);
      }
      default:
        return undefined;
    }
  }

  private ref(name: string): Json {
    if (PSEUDO[name]) return PSEUDO[name](this.region);
    if (name.startsWith('AWS::'))
      return new Unresolved(`${name} is known only at deployment`);
    const parameter = this.template.Parameters?.[name];
    if (parameter) {
      const value = this.parameterValues[name] ?? parameter.Default;
      if (value === undefined)
        return new Unresolved(`parameter ${name} has no default`);
      if (parameter.Type?.startsWith('AWS::SSM::Parameter::Value')) {
        return new Unresolved(
          `parameter ${name} is read from Parameter Store at deployment`,
        );
      }
      if (
        parameter.Type === 'CommaDelimitedList' ||
        parameter.Type?.startsWith('List<')
      ) {
        return String(value)
          .split(',')
          .map(item => item.trim());
      }
      return value;
    }
    if (this.template.Resources[name]) return new ResourceRef(name);
    return new Unresolved(`Ref to ${name}, which the template does not define`);
  }

  /** `${Param}` is a Ref, `${Resource.Attribute}` a GetAtt. */
  private subVariable(name: string): Json {
    return name.includes('.')
      ? new Unresolved(`Fn::GetAtt ${name}`)
      : this.ref(name);
  }

  private sub(args: Json): Json {
    const [text, variables] = Array.isArray(args) ? args : [args, {}];
    if (typeof text !== 'string')
      return new Unresolved('Fn::Sub of a non-string');
    const vars = isObject(variables) ? variables : {};
    let missing: string | undefined;
    const result = text.replace(
      /\$\{([^}!][^}]*)\}/g,
      (whole, name: string) => {
        const value =
          name in vars ? this.resolve(vars[name]) : this.subVariable(name);
        if (!isPrimitive(value)) {
          missing ??= name;
          return whole;
        }
        return String(value);
      },
    );
    return missing
      ? new Unresolved(`Fn::Sub with \${${missing}} unknown offline`)
      : result.replace(/\$\{!/g, '${');
  }

  private call(fn: string, args: Json): Json {
    const list = Array.isArray(args) ? args : [args];
    switch (fn) {
      case 'Ref':
        return this.ref(String(args));
      case 'Fn::If': {
        const [name, whenTrue, whenFalse] = list;
        return this.condition(String(name)) === false
          ? this.resolve(whenFalse)
          : this.resolve(whenTrue);
      }
      case 'Fn::FindInMap': {
        const [map, top, second, options] = list.map(item =>
          this.resolve(item),
        );
        const entry =
          isPrimitive(map) && isPrimitive(top) && isPrimitive(second)
            ? this.template.Mappings?.[String(map)]?.[String(top)]?.[
                String(second)
              ]
            : undefined;
        // Mapping values are literals in CloudFormation: never evaluated (no self-reference loop).
        if (
          isPrimitive(entry) ||
          (Array.isArray(entry) && entry.every(isPrimitive))
        )
          return entry;
        if (entry !== undefined) {
          return new Unresolved(
            `Fn::FindInMap ${[map, top, second]
              .map(String)
              .join('.')} is not a literal value`,
          );
        }
        if (isObject(options) && 'DefaultValue' in options)
          return options.DefaultValue;
        return new Unresolved(
          `Fn::FindInMap ${[map, top, second]
            .map(String)
            .join('.')} has no entry`,
        );
      }
      case 'Fn::Sub':
        return this.sub(args);
      case 'Fn::Join': {
        const [delimiter, items] = [list[0], this.resolve(list[1])];
        if (!Array.isArray(items) || !items.every(isPrimitive)) {
          return new Unresolved('Fn::Join over values unknown offline');
        }
        return items.join(String(delimiter));
      }
      case 'Fn::Select': {
        const [index, items] = [this.resolve(list[0]), this.resolve(list[1])];
        return Array.isArray(items) && items[Number(index)] !== undefined
          ? items[Number(index)]
          : new Unresolved('Fn::Select over values unknown offline');
      }
      case 'Fn::Split': {
        const [delimiter, text] = [list[0], this.resolve(list[1])];
        return typeof text === 'string'
          ? text.split(String(delimiter))
          : new Unresolved('Fn::Split of a value unknown offline');
      }
      case 'Fn::Length': {
        const items = this.resolve(list[0]);
        return Array.isArray(items)
          ? items.length
          : new Unresolved('Fn::Length of a value unknown offline');
      }
      case 'Fn::GetAtt': {
        const [id, attribute] =
          typeof args === 'string' ? args.split('.') : list.map(String);
        return new Unresolved(`Fn::GetAtt ${id}.${attribute}`, id);
      }
      default:
        return new Unresolved(`${fn} is not evaluated offline`);
    }
  }

  resolve(value: Json): Json {
    if (Array.isArray(value)) {
      return value
        .map(item => this.resolve(item))
        .filter(item => item !== NO_VALUE);
    }
    if (!isObject(value)) return value;
    const keys = Object.keys(value);
    if (
      keys.length === 1 &&
      (keys[0] === 'Ref' || keys[0].startsWith('Fn::'))
    ) {
      return this.call(keys[0], value[keys[0]]);
    }
    const result: Record<string, Json> = {};
    for (const key of keys) {
      const resolved = this.resolve(value[key]);
      if (resolved !== NO_VALUE) result[key] = resolved;
    }
    return result;
  }
}

/** Transforms other than SAM (which the estimate expands itself), as names. */
function otherTransforms(transform: unknown): string[] {
  const list = Array.isArray(transform) ? transform : [transform];
  return list
    .filter(item => item !== undefined && item !== SAM_TRANSFORM)
    .map(item => (typeof item === 'string' ? item : JSON.stringify(item)));
}

/**
 * Evaluates a template's conditions and resolves the intrinsic functions in its resources'
 * properties: parameter defaults (or `parameterValues`), pseudo parameters, `Fn::FindInMap`,
 * `Fn::If`, `Fn::Sub`, `Fn::Join`, `Fn::Select`, `Fn::Split`, `Fn::Length`. What cannot be
 * known offline (`Fn::GetAtt`, `Fn::ImportValue`, SSM-typed parameters, the account id) becomes
 * {@link Unresolved}; a `Ref` to a resource becomes {@link ResourceRef}. Resources whose
 * condition is false are left out (and noted); unknown conditions count as true.
 *
 * @public
 */
export function resolveTemplate(
  template: CloudFormationTemplate,
  region: string,
  parameterValues: Readonly<Record<string, string>> = {},
): ResolvedTemplate {
  const resolver = new Resolver(template, region, parameterValues);
  const resources: ResolvedResource[] = [];
  for (const [logicalId, resource] of Object.entries(template.Resources)) {
    if (
      resource.Condition &&
      resolver.condition(resource.Condition) === false
    ) {
      resolver.notes.push(
        `${logicalId} is not created: condition ${resource.Condition} is false`,
      );
      continue;
    }
    const properties = resolver.resolve(resource.Properties ?? {});
    resources.push({
      logicalId,
      type: resource.Type,
      properties: isObject(properties) ? properties : {},
    });
  }
  for (const cycle of dependencyCycles(template)) {
    resolver.notes.push(
      `Circular dependency between resources ${cycle.join(
        ' → ',
      )}: CloudFormation would reject the template`,
    );
  }
  if (otherTransforms(template.Transform).length > 0) {
    resolver.notes.push(
      `The template uses Transform ${otherTransforms(template.Transform).join(
        ', ',
      )}: resources the transform would add are not seen`,
    );
  }
  return {
    resources,
    byId: new Map(resources.map(resource => [resource.logicalId, resource])),
    notes: resolver.notes,
  };
}
