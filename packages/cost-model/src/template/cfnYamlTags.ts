import type { CollectionTag, ScalarTag, YAMLMap, YAMLSeq } from 'yaml';

/** Short-form intrinsic functions of CloudFormation YAML, by tag name (without `!`). */
const FUNCTIONS = [
  'Ref',
  'Condition',
  'Sub',
  'GetAtt',
  'If',
  'Equals',
  'And',
  'Or',
  'Not',
  'Join',
  'Select',
  'Split',
  'FindInMap',
  'Base64',
  'Cidr',
  'GetAZs',
  'ImportValue',
  'Length',
  'ToJsonString',
  'Transform',
];

function longForm(name: string): string {
  return name === 'Ref' || name === 'Condition' ? name : `Fn::${name}`;
}

/** `!GetAtt Res.Attr.Sub` is `Fn::GetAtt: [Res, Attr.Sub]`. */
function scalarArgument(name: string, value: string): unknown {
  if (name !== 'GetAtt') return value;
  const dot = value.indexOf('.');
  return dot < 0 ? [value] : [value.slice(0, dot), value.slice(dot + 1)];
}

/**
 * `yaml` custom tags turning CloudFormation short forms (`!Ref X`, `!Sub [...]`, `!If [...]`)
 * into their long forms (`{ Ref: X }`, `{ 'Fn::Sub': [...] }`).
 *
 * @internal
 */
export const CFN_YAML_TAGS: Array<ScalarTag | CollectionTag> =
  FUNCTIONS.flatMap(name => {
    const key = longForm(name);
    const tag = `!${name}`;
    return [
      {
        tag,
        resolve: (value: string) => ({ [key]: scalarArgument(name, value) }),
      },
      {
        tag,
        collection: 'seq',
        resolve: (seq: YAMLSeq) => ({ [key]: seq.toJSON() }),
      },
      {
        tag,
        collection: 'map',
        resolve: (map: YAMLMap) => ({ [key]: map.toJSON() }),
      },
    ] as Array<ScalarTag | CollectionTag>;
  });
