import type { EnvironmentTarget } from './EnvironmentTarget';

/**
 * `MacroAiStagingStack (staging, hobby) in eu-west-2, account 123456789012`
 *
 * @public
 */
export function describeTarget(target: EnvironmentTarget): string {
  const account = target.accountId ? `, account ${target.accountId}` : '';
  return `${target.stackName} (${target.stage}, ${target.scale}) in ${target.region}${account}`;
}
