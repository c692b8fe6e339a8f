import type { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { NotAllowedError } from '@backstage/errors';
import {
  previewTagValue,
  stackTag,
  STACK_TAGS,
} from '@stageline/plugin-environments-common';
import {
  describeStack,
  EnvironmentTarget,
  isStackAbsent,
} from '@stageline/plugin-environments-node';

/**
 * Checks that the stack the cleanup is about to destroy is the preview's, by what the stack
 * itself carries — never by its name, which anyone can give a stack: its
 * `stageline.dev/stage` tag is `preview` and its `stageline.dev/preview` tag is `pr-{n}`
 * (the CDK stack's `stageline:stage` / `stageline:preview` of the release before count too).
 *
 * @returns false when there is no stack (nothing to destroy), true when it is the preview's
 * @throws NotAllowedError naming the stack and what its tags say
 */
export async function assertPreviewStack(
  cloudFormation: CloudFormationClient,
  target: Pick<EnvironmentTarget, 'stackName' | 'region'>,
  pullRequest: number,
  signal?: AbortSignal,
): Promise<boolean> {
  const stack = await describeStack(cloudFormation, target.stackName, signal);
  if (isStackAbsent(stack)) return false;
  const stage = stackTag(stack!.Tags, 'stage');
  const preview = stackTag(stack!.Tags, 'preview');
  const expected = previewTagValue(pullRequest);
  if (stage !== 'preview' || preview !== expected) {
    const says =
      stage === undefined
        ? `it carries no ${STACK_TAGS.stage} tag`
        : `its ${STACK_TAGS.stage} tag is ${stage}${
            stage === 'preview'
              ? ` and its ${STACK_TAGS.preview} tag is ${preview ?? 'missing'}`
              : ''
          }`;
    throw new NotAllowedError(
      `${target.stackName} in ${target.region} is not the stack of preview #${pullRequest} (${says}): the cleanup only destroys a stack tagged ${STACK_TAGS.stage}=preview and ${STACK_TAGS.preview}=${expected}; destroy it by hand if it should go`,
    );
  }
  return true;
}
