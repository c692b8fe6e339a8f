import {
  CloudFormationClient,
  GetTemplateCommand,
} from '@aws-sdk/client-cloudformation';
import type { LoggerService } from '@backstage/backend-plugin-api';
import yaml from 'yaml';
import {
  cdkAppAssembly,
  describeStack,
  isStackAbsent,
  type EnvironmentTarget,
} from '@stageline/plugin-environments-node';
import {
  CloudFormationTemplate,
  SynthesizedStack,
  synthesizeTarget,
} from './synthesizeTarget';

/**
 * The template a plan prices and, where it can, compares with the deployed stack:
 *
 * - `reference-profile`: the `@stageline/cdk-environments` profile for stage × scale;
 * - `cdk-app`: the service's CDK app, synthesized from the task workspace;
 * - `deployed`: the template of the stack as it is deployed (a `pipeline` Environment).
 */
export type PlannedTemplate = {
  source: 'reference-profile' | 'cdk-app' | 'deployed';
  synthesized: SynthesizedStack;
  /** Said in the log and the summary: what was priced, and why that template. */
  description: string;
  /** Why no change set can be worked out for it, when none can. */
  noChangeSet?: string;
};

function asSynthesized(template: CloudFormationTemplate): SynthesizedStack {
  return {
    template,
    templateBody: JSON.stringify(template),
    assetResources: [],
  };
}

async function reference(
  target: EnvironmentTarget,
  description: string,
  noChangeSet?: string,
): Promise<PlannedTemplate> {
  return {
    source: 'reference-profile',
    synthesized: await synthesizeTarget(target),
    description,
    ...(noChangeSet ? { noChangeSet } : {}),
  };
}

/** The deployed template of a stack; undefined when there is no stack. */
async function deployedTemplate(
  cloudFormation: CloudFormationClient,
  stackName: string,
  signal?: AbortSignal,
): Promise<CloudFormationTemplate | undefined> {
  const stack = await describeStack(cloudFormation, stackName, signal);
  if (isStackAbsent(stack)) return undefined;
  const { TemplateBody } = await cloudFormation.send(
    new GetTemplateCommand({
      StackName: stack!.StackId,
      TemplateStage: 'Original',
    }),
    { abortSignal: signal },
  );
  return yaml.parse(TemplateBody ?? '{}', { logLevel: 'silent' });
}

/**
 * Works out the template to plan with, as the Environment's mode deploys it. A dry run runs no
 * CDK app and calls no AWS: a `cdk-app` or `pipeline` Environment is then priced from the
 * reference profile for its stage and scale, and the plan says so.
 */
export async function plannedTemplate(options: {
  target: EnvironmentTarget;
  isDryRun: boolean;
  /** A CloudFormation client when AWS is configured. */
  cloudFormation?: CloudFormationClient;
  workspacePath: string;
  synthTimeoutMs?: number;
  logger: LoggerService;
  signal?: AbortSignal;
}): Promise<PlannedTemplate> {
  const { target, isDryRun, cloudFormation, signal } = options;
  const profile = `the @stageline/cdk-environments reference profile at ${target.scale} scale`;
  const { deployment } = target;
  if (deployment.mode === 'reference') {
    return reference(target, profile);
  }
  if (deployment.mode === 'cdk-app') {
    if (isDryRun) {
      return reference(
        target,
        `${profile}, standing in for the CDK app in ${deployment.cdkApp.path}, which a dry run does not run`,
        'dry run: the CDK app was not run',
      );
    }
    const assembly = await cdkAppAssembly({
      target,
      cdkApp: deployment.cdkApp,
      workspacePath: options.workspacePath,
      timeoutMs: options.synthTimeoutMs ?? 10 * 60_000,
      logger: options.logger,
      signal,
    });
    try {
      return {
        source: 'cdk-app',
        synthesized: asSynthesized(assembly.stack.template),
        description: `the CDK app in ${deployment.cdkApp.path} at ${target.scale} scale`,
      };
    } finally {
      assembly.dispose();
    }
  }
  const workflow = deployment.pipeline.workflow;
  const noChangeSet = `${target.stackName} is deployed by its pipeline (${workflow}), whose own run shows the change set`;
  if (isDryRun || !cloudFormation) {
    return reference(
      target,
      `${profile}, standing in for what ${workflow} deploys (${
        isDryRun
          ? 'a dry run reads no deployed template'
          : 'AWS is not configured'
      })`,
      noChangeSet,
    );
  }
  const deployed = await deployedTemplate(
    cloudFormation,
    target.stackName,
    signal,
  );
  if (!deployed) {
    return reference(
      target,
      `${profile}, standing in for what ${workflow} will deploy (${target.stackName} is not deployed yet)`,
      noChangeSet,
    );
  }
  if (target.scale !== target.currentScale) {
    return reference(
      target,
      `${profile}: ${workflow} deploys ${target.stackName} at ${target.currentScale} scale now, so the deployed template cannot show ${target.scale}; the profile is what the scale change builds`,
      noChangeSet,
    );
  }
  return {
    source: 'deployed',
    synthesized: asSynthesized(deployed),
    description: `the template of ${target.stackName} as deployed by ${workflow}`,
    noChangeSet,
  };
}
