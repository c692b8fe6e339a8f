import { Pair, Scalar, YAMLMap } from 'yaml';
import type { CollectionTag, ScalarTag, YAMLSeq } from 'yaml';

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
  // Rule functions (used in Rules, and `Fn::ValueOf` wherever parameters are read).
  'Contains',
  'EachMemberEquals',
  'EachMemberIn',
  'RefAll',
  'ValueOf',
  'ValueOfAll',
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
 * `{ key: collection }` as a YAML node, so the collection is converted later with the document's
 * context: aliases inside it resolve (and count towards the alias limit) like anywhere else.
 */
function wrap(key: string, collection: YAMLMap | YAMLSeq): YAMLMap {
  const map = new YAMLMap();
  map.items.push(new Pair(new Scalar(key), collection));
  return map;
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
        resolve: (seq: YAMLSeq) => wrap(key, seq),
      },
      {
        tag,
        collection: 'map',
        resolve: (map: YAMLMap) => wrap(key, map),
      },
    ] as Array<ScalarTag | CollectionTag>;
  });
