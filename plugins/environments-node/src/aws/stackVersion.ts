import type { Stack } from '@aws-sdk/client-cloudformation';
import {
  LEGACY_STACK_TAGS,
  STACK_TAGS,
} from '@stageline/plugin-environments-common';

/** Stack tags (case-insensitive) and outputs that carry the deployed version and commit. */
const VERSION_KEYS = [
  STACK_TAGS.version,
  LEGACY_STACK_TAGS.version!,
  'version',
  'appversion',
];
const COMMIT_KEYS = [
  STACK_TAGS.commit,
  LEGACY_STACK_TAGS.commit!,
  'commit',
  'commitsha',
  'gitsha',
  'gitcommit',
];

function findValue(
  pairs: Array<{ key?: string; value?: string }>,
  keys: string[],
) {
  return pairs.find(p => p.key && keys.includes(p.key.toLowerCase()))?.value;
}

/**
 * The version and commit a stack runs, as its deploy left them: the stack tags
 * `stageline.dev/version` / `stageline.dev/commit` (which `environment:deploy` and the generated
 * pipeline set), else outputs `Version` / `Commit` (and the other spellings above).
 *
 * @public
 */
export function stackVersion(stack: Pick<Stack, 'Tags' | 'Outputs'>): {
  version?: string;
  commit?: string;
} {
  const tags = (stack.Tags ?? []).map(t => ({ key: t.Key, value: t.Value }));
  const outputs = (stack.Outputs ?? []).map(o => ({
    key: o.OutputKey,
    value: o.OutputValue,
  }));
  return {
    version: findValue(tags, VERSION_KEYS) ?? findValue(outputs, VERSION_KEYS),
    commit: findValue(tags, COMMIT_KEYS) ?? findValue(outputs, COMMIT_KEYS),
  };
}
