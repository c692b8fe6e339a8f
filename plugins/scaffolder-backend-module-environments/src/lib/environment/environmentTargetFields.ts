import {
  ENVIRONMENT_SCALES,
  ENVIRONMENT_STAGES,
} from '@stageline/plugin-environments-common';
import type { z } from 'zod/v3';

/**
 * Input fields that say which environment an action works on: an Environment entity ref, or an
 * explicit app / stage / scale / region for an environment that is not in the catalog yet.
 */
export const environmentTargetFields = {
  environmentRef: (zImpl: typeof z) =>
    zImpl
      .string({
        description:
          'Entity ref of the Environment, e.g. environment:default/macro-ai-api-staging. Either this or app + stage.',
      })
      .min(1)
      .optional(),
  app: (zImpl: typeof z) =>
    zImpl
      .string({
        description:
          'Kebab-case application name, the first part of stack names (macro-ai → MacroAi{Stage}Stack); needed when no environmentRef is given',
      })
      .regex(
        /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/,
        'must be kebab-case, e.g. macro-ai',
      )
      .max(40)
      .optional(),
  stage: (zImpl: typeof z) =>
    zImpl
      .enum(ENVIRONMENT_STAGES, {
        description: 'Stage, when no environmentRef is given',
      })
      .optional(),
  scale: (zImpl: typeof z) =>
    zImpl
      .enum(ENVIRONMENT_SCALES, {
        description:
          "Scale; overrides the Environment's spec.scale (what-if for another scale)",
      })
      .optional(),
  region: (zImpl: typeof z) =>
    zImpl
      .string({
        description:
          'AWS region, when no environmentRef is given, e.g. eu-west-2',
      })
      .regex(
        /^[a-z]{2}(-[a-z]+)+-\d$/,
        'must be an AWS region such as eu-west-2',
      )
      .optional(),
  accountId: (zImpl: typeof z) =>
    zImpl
      .string({
        description: '12-digit AWS account id, when no environmentRef is given',
      })
      .regex(/^\d{12}$/, 'must be a 12-digit AWS account id')
      .optional(),
  previewId: (zImpl: typeof z) =>
    zImpl
      .string({
        description: 'Pull request number of a preview environment, e.g. 42',
      })
      .regex(/^[1-9][0-9]{0,9}$/, 'must be a pull request number, e.g. 42')
      .optional(),
};

/** How long deploy and destroy wait for the stack. */
export const timeoutMinutesField = (zImpl: typeof z) =>
  zImpl
    .number({
      description:
        'How long to wait for the stack operation, in minutes. Default 60',
    })
    .int()
    .min(1)
    .max(720)
    .optional();
