import {
  previewTagValue,
  STACK_TAGS,
} from '@stageline/plugin-environments-common';
import type { EnvironmentTarget } from '@stageline/plugin-environments-node';

/**
 * The tags `environment:deploy` puts on a stack, in Stageline's tag vocabulary: the Environment,
 * app, stage, scale and, for a preview, its key (`pr-42`). They are applied after the action's
 * `tags` input, so a deploy cannot tag a stack as another stage or preview than its Environment's
 * (the preview cleanup trusts these tags).
 */
export function stackTagsOf(target: EnvironmentTarget): Record<string, string> {
  return {
    [STACK_TAGS.environment]: target.name,
    [STACK_TAGS.app]: target.appName,
    [STACK_TAGS.stage]: target.stage,
    [STACK_TAGS.scale]: target.scale,
    ...(target.previewId
      ? { [STACK_TAGS.preview]: previewTagValue(target.previewId) }
      : {}),
  };
}
