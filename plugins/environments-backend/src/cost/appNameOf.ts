import { parseEntityRef } from '@backstage/catalog-model';
import type { EnvironmentEntity } from '@stageline/plugin-environments-common';

/** Annotation naming the app whose stack an environment runs, e.g. `macro-ai`. */
export const ANNOTATION_APP_NAME = 'stageline.dev/app-name';

const kebab = (pascal: string) =>
  pascal
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .replace(/([A-Za-z])([0-9])/g, '$1-$2')
    .toLowerCase();

/**
 * The app name of an environment's stack, for synthesis: the `stageline.dev/app-name`
 * annotation, else read back from a stack named `{App}{Stage}Stack` / `{App}Pr{n}Stack`
 * (`MacroAiStagingStack` → `macro-ai`), else the system's name, else the component's.
 */
export function appNameOf(environment: EnvironmentEntity): string {
  const annotated = environment.metadata.annotations?.[ANNOTATION_APP_NAME];
  if (annotated) return annotated;
  const stackName = environment.spec.deployment?.stackName;
  const stage = environment.spec.type;
  const stagePart = stage.charAt(0).toUpperCase() + stage.slice(1);
  const match =
    stackName &&
    (stage === 'preview'
      ? /^([A-Z][A-Za-z0-9]*?)Pr\d+Stack$/.exec(stackName)
      : new RegExp(`^([A-Z][A-Za-z0-9]*?)${stagePart}Stack$`).exec(stackName));
  if (match) return kebab(match[1]);
  const from = environment.spec.system ?? environment.spec.component;
  return parseEntityRef(from, { defaultKind: 'system' }).name;
}
