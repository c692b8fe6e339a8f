import {
  PipelineCommand,
  pipelineInputNames,
} from '@stageline/plugin-environments-common';
import type { EnvironmentTarget } from '../target/EnvironmentTarget';

/**
 * The `workflow_dispatch` inputs of a pipeline Environment's workflow for a command, under the
 * names its `spec.deployment.pipeline.inputs` gives (default `stage`, `scale`, `command`,
 * `preview-id`). GitHub passes inputs as strings; a preview id is empty for other stages.
 *
 * @public
 */
export function pipelineInputs(
  target: EnvironmentTarget,
  command: PipelineCommand,
): Record<string, string> {
  if (target.deployment.mode !== 'pipeline') {
    throw new Error(`${target.name} is not deployed by a pipeline`);
  }
  const names = pipelineInputNames(target.deployment.pipeline);
  return {
    [names.stage]: target.stage,
    [names.scale]: target.scale,
    [names.command]: command,
    [names.previewId]: target.previewId ?? '',
  };
}

/**
 * `stage=staging, scale=hobby, command=deploy, preview-id=''` for the log.
 *
 * @public
 */
export function describeInputs(inputs: Record<string, string>): string {
  return Object.entries(inputs)
    .map(([name, value]) => `${name}=${value === '' ? "''" : value}`)
    .join(', ');
}
