import { App } from 'aws-cdk-lib';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EnvironmentStack } from './EnvironmentStack';
import { InlineTemplateSynthesizer } from './InlineTemplateSynthesizer';
import { stackNameFor } from './naming';
import { ScaleProfileOverrides } from './profiles';
import { Scale, Stage } from './stages';

/**
 * What to synthesize.
 *
 * @public
 */
export interface SynthesizeEnvironmentInput {
  /** Kebab-case application name, e.g. `macro-ai`. */
  readonly appName: string;
  /** The stage. */
  readonly stage: Stage;
  /** The scale. */
  readonly scale: Scale;
  /** AWS region, e.g. `eu-west-2`. */
  readonly region: string;
  /**
   * 12-digit AWS account id.
   * @defaultValue - account-agnostic
   */
  readonly account?: string;
  /**
   * Pull request number; required for `preview`.
   * @defaultValue - none
   */
  readonly previewId?: string | number;
  /**
   * Changes to the scale's profile.
   * @defaultValue - none
   */
  readonly overrides?: ScaleProfileOverrides;
  /**
   * The API's health route.
   * @defaultValue '/api/health'
   */
  readonly healthCheckPath?: string;
  /**
   * The stack name, when it is not `{App}{Stage}Stack`.
   * @defaultValue - `stackNameFor(appName, stage, previewId)`
   */
  readonly stackName?: string;
}

/**
 * Options of {@link synthesizeEnvironment}.
 *
 * @public
 */
export interface SynthesizeOptions {
  /**
   * Folder in which the temporary cloud assembly folder is made (and removed).
   * @defaultValue os.tmpdir()
   */
  readonly workDir?: string;
  /**
   * Whether to run the CDK's built-in template validation (CloudFormation schemas and rules)
   * during synthesis. It is thorough but slow (seconds on first use, ~0.5 s per call after),
   * so it is off here; `createApp` deployments keep it on.
   * @defaultValue false
   */
  readonly validate?: boolean;
}

/** Runs `fn` with the CDK's built-in validation switched on or off, restoring the setting. */
function withValidation<T>(validate: boolean, fn: () => T): T {
  const previous = process.env.CDK_VALIDATION;
  if (!validate) process.env.CDK_VALIDATION = 'false';
  try {
    return fn();
  } finally {
    if (previous === undefined) delete process.env.CDK_VALIDATION;
    else process.env.CDK_VALIDATION = previous;
  }
}

/**
 * A synthesized environment.
 *
 * @public
 */
export interface SynthesizedEnvironment {
  /** CloudFormation stack name, e.g. `MacroAiStagingStack`. */
  readonly stackName: string;
  /** The CloudFormation template as JSON. */
  readonly template: Record<string, unknown>;
  /**
   * The stack's tags (`stageline.dev/app`, `stageline.dev/stage`, `stageline.dev/scale`, and
   * `stageline.dev/preview` for a preview; see `STACK_TAG_KEYS`). The template already puts them on every taggable
   * resource but subnets and route tables; pass them as the stack's `Tags` when deploying and
   * CloudFormation puts them on those too.
   */
  readonly tags: Readonly<Record<string, string>>;
}

/**
 * Synthesizes one environment in process, offline, and returns its CloudFormation template.
 * Each call builds a fresh CDK `App` in a temporary folder that is removed afterwards, so
 * calls are independent and leave nothing behind.
 *
 * @example
 * ```ts
 * const { stackName, template } = synthesizeEnvironment({
 *   appName: 'macro-ai', stage: 'staging', scale: 'hobby', region: 'eu-west-2',
 * });
 * // stackName === 'MacroAiStagingStack'
 * ```
 * @throws Error naming a bad value (stage, scale, region, previewId, override field, ...)
 * @public
 */
export function synthesizeEnvironment(
  input: SynthesizeEnvironmentInput,
  options: SynthesizeOptions = {},
): SynthesizedEnvironment {
  const outdir = mkdtempSync(
    join(options.workDir ?? tmpdir(), 'stageline-synth-'),
  );
  try {
    return synthesizeEnvironmentAssembly(input, { ...options, outdir });
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

/**
 * Like {@link synthesizeEnvironment}, but into a cloud assembly folder the caller keeps, e.g. to
 * deploy it with the CDK toolkit library (`toolkit.fromAssemblyDirectory(outdir)`). The stack
 * has the same `InlineTemplateSynthesizer`: no assets, no bootstrap version check.
 *
 * @throws Error naming a bad value
 * @public
 */
export function synthesizeEnvironmentAssembly(
  input: SynthesizeEnvironmentInput,
  options: Omit<SynthesizeOptions, 'workDir'> & {
    /** The cloud assembly folder; it must be empty or not exist. */
    readonly outdir: string;
  },
): SynthesizedEnvironment {
  const app = new App({ outdir: options.outdir });
  const id =
    input.stackName ??
    stackNameFor(input.appName, input.stage, input.previewId);
  const stack = new EnvironmentStack(app, id, {
    appName: input.appName,
    stage: input.stage,
    scale: input.scale,
    env: { account: input.account, region: input.region },
    previewId: input.previewId,
    overrides: input.overrides,
    healthCheckPath: input.healthCheckPath,
    stackName: input.stackName,
    synthesizer: new InlineTemplateSynthesizer(),
  });
  const assembly = withValidation(options.validate ?? false, () => app.synth());
  return {
    stackName: stack.stackName,
    template: assembly.getStackArtifact(stack.artifactId).template,
    tags: stack.tags.tagValues(),
  };
}
