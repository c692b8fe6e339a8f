import type { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import {
  PROMOTION_STRATEGIES,
  PromotionStrategy,
} from '@stageline/plugin-environments-common';
import { FreezeWindow, readFreezeWindows } from './freezeWindows';
import {
  MergeMethod,
  parseMergeMethod,
} from '../../sourceControl/github/mergeMethod';

/**
 * Promotion settings from `environments.promotion`.
 *
 * @public
 */
export interface PromotionSettings {
  defaultStrategy?: PromotionStrategy;
  workflow?: string;
  /** How the `merge` strategy merges; unset: the first of merge, squash, rebase the repository allows. */
  mergeMethod?: MergeMethod;
  freezeWindows: FreezeWindow[];
}

/**
 * Reads `environments.promotion.{defaultStrategy,workflow,mergeMethod,freezeWindows}`; throws an
 * InputError naming the key of a bad value.
 *
 * @public
 */
export function readPromotionSettings(config: Config): PromotionSettings {
  const defaultStrategy = config.getOptionalString(
    'environments.promotion.defaultStrategy',
  );
  if (
    defaultStrategy &&
    !PROMOTION_STRATEGIES.includes(defaultStrategy as PromotionStrategy)
  ) {
    throw new InputError(
      `environments.promotion.defaultStrategy must be one of ${PROMOTION_STRATEGIES.join(
        ', ',
      )}; got ${JSON.stringify(defaultStrategy)}`,
    );
  }
  return {
    defaultStrategy: defaultStrategy as PromotionStrategy | undefined,
    workflow: config.getOptionalString('environments.promotion.workflow'),
    mergeMethod: parseMergeMethod(
      config.getOptionalString('environments.promotion.mergeMethod'),
      'environments.promotion.mergeMethod',
    ),
    freezeWindows: readFreezeWindows(
      config,
      'environments.promotion.freezeWindows',
    ),
  };
}
