import { parseAppName, parsePreviewId } from '@stageline/cdk-environments';
import type { CostEstimateInput } from './CostEstimator';

/** The app name the shared reference stacks are synthesized under. */
export const SHARED_APP_NAME = 'app';

/**
 * What a reference-profile estimate depends on: stage × scale × region, whether an account is
 * named, currency and shutdown schedule. Apps and previews differ only in resource names (a few
 * logical IDs carry the stack's name), never in what is priced, so every environment with the
 * same key shares one synthesis, made under a neutral app name (`AppProductionStack`) and, for
 * previews, pull request 1. The environment's own app name and preview id are still checked, so
 * one its stack could not be synthesized with fails as the synthesis would.
 *
 * @throws Error naming a bad app name or preview id
 */
export function sharedEstimateInput(
  input: CostEstimateInput,
): CostEstimateInput {
  parseAppName(input.appName);
  if (input.previewId !== undefined) parsePreviewId(input.previewId);
  return {
    appName: SHARED_APP_NAME,
    stage: input.stage,
    scale: input.scale,
    region: input.region,
    accountId: input.accountId === undefined ? undefined : '000000000000',
    previewId: input.previewId === undefined ? undefined : '1',
    currency: input.currency,
    schedule: input.schedule,
  };
}
