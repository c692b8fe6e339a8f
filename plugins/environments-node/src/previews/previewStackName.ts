import { parseEntityRef } from '@backstage/catalog-model';
import { stackNameFor } from '@stageline/cdk-environments';
import type { EnvironmentEntity } from '@stageline/plugin-environments-common';
import { toKebabCase } from '../target/EnvironmentTarget';
import { appNameFromStackName } from '../target/resolveEnvironmentTarget';

/**
 * The stack of a component's preview for pull request `number`, following the stack naming of
 * the Environment previews are modelled on: `MacroAiStagingStack` → `MacroAiPr42Stack`; the
 * component's name as the app name when that Environment's stack does not follow
 * `{App}{Stage}Stack`.
 *
 * @public
 */
export function previewStackName(
  modelledOn: EnvironmentEntity,
  number: number,
): string {
  const stackName = modelledOn.spec.deployment?.stackName;
  const appName =
    (stackName && appNameFromStackName(stackName, modelledOn.spec.type)) ??
    toKebabCase(
      parseEntityRef(modelledOn.spec.component, { defaultKind: 'component' })
        .name,
    );
  return stackNameFor(appName, 'preview', number);
}
