import { stringifyEntityRef } from '@backstage/catalog-model';
import { parseTemplate } from '@stageline/cost-model';
import {
  deploymentModeOf,
  type EnvironmentEntity,
  type RollbackPlan,
} from '@stageline/plugin-environments-common';
import {
  AWS_NOT_CONFIGURED_MESSAGE,
  type AwsAccess,
  stackOf,
  stackVersion,
  templateHash,
} from '@stageline/plugin-environments-node';
import type { StackReader } from '../aws/StackReader';
import type { DeploymentStore } from './DeploymentStore';
import { deployedLineage, rollbackTargetOf } from './deployedLineage';

/** How much history a rollback looks back through. */
const HISTORY_DEPTH = 200;

const shortSha = (sha: string) => sha.slice(0, 7);

/**
 * Works out what a rollback of an environment does now (see {@link RollbackPlan}): from the
 * stack as AWS reports it (a failed rollback to continue, a busy or missing stack, the commit
 * tag or template running) and the deployment history (the version before the running one).
 */
export class RollbackPlanner {
  constructor(
    private readonly options: {
      store: DeploymentStore;
      stacks: StackReader;
      aws: AwsAccess;
    },
  ) {}

  async plan(environment: EnvironmentEntity): Promise<RollbackPlan> {
    const environmentRef = stringifyEntityRef(environment);
    const mode = deploymentModeOf(environment);
    const location = stackOf(environment);
    const base = {
      environmentRef,
      mode,
      stackName: location?.stackName ?? '',
    };
    if (!location) {
      return {
        ...base,
        kind: 'none',
        message: `${environment.metadata.name} names no stack (spec.deployment.stackName), so there is nothing to roll back`,
      };
    }
    const history = await this.options.store.list(environmentRef, {
      limit: HISTORY_DEPTH,
    });
    const lineage = deployedLineage(history);
    let running: string | undefined;
    let stackStatus: string | undefined;
    let note = '';
    if (this.options.aws.getConfiguration().configured) {
      const stack = await this.options.stacks.describe(location);
      if (!stack) {
        return {
          ...base,
          kind: 'none',
          stackStatus: 'NOT_FOUND',
          message: `${location.stackName} is not deployed, so there is nothing to roll back: deploy it`,
        };
      }
      stackStatus = stack.StackStatus;
      if (stackStatus === 'UPDATE_ROLLBACK_FAILED') {
        return {
          ...base,
          kind: 'continue-rollback',
          stackStatus,
          message: `${location.stackName} is UPDATE_ROLLBACK_FAILED: CloudFormation's rollback of its last update will be continued (ContinueUpdateRollback), back to the version before that update`,
        };
      }
      if (stackStatus?.endsWith('_IN_PROGRESS')) {
        return {
          ...base,
          kind: 'none',
          stackStatus,
          message: `${location.stackName} is ${stackStatus}: wait for that operation to finish before rolling back`,
        };
      }
      if (
        stackStatus === 'ROLLBACK_COMPLETE' ||
        stackStatus === 'ROLLBACK_FAILED'
      ) {
        return {
          ...base,
          kind: 'none',
          stackStatus,
          message: `${location.stackName} is ${stackStatus}: its first deployment failed, so there is no earlier version to go back to; deploy it again`,
        };
      }
      running =
        mode === 'pipeline'
          ? stackVersion(stack).commit
          : templateHash(
              parseTemplate(
                await this.options.stacks.template(
                  { ...location, stackId: stack.StackId },
                  'Original',
                ),
              ),
            );
      if (!running) {
        note = `; ${location.stackName} has no stageline.dev/commit tag, so the last deployment recorded is taken as running`;
      }
    } else {
      note = `; ${AWS_NOT_CONFIGURED_MESSAGE}, so the last deployment recorded is taken as running`;
    }
    const { current, target } = rollbackTargetOf(lineage, mode, running);
    const plan = {
      ...base,
      stackStatus,
      current: {
        ...(mode === 'pipeline'
          ? { commit: running ?? current?.commit }
          : { templateHash: running ?? current?.templateHash }),
        ...(current ? { deploymentId: current.id } : {}),
        source: running ? ('stack' as const) : ('history' as const),
      },
    };
    if (!target) {
      return {
        ...plan,
        kind: 'none',
        message: `No earlier successful deployment of ${
          location.stackName
        } is recorded that a rollback could restore${
          mode === 'pipeline'
            ? ' (a pipeline rollback re-runs the workflow run of a deployment made through environment:deploy)'
            : ' (a rollback deploys again the template an environment:deploy kept)'
        }${note}`,
      };
    }
    const since = new Date(target.createdAt).toISOString().slice(0, 16);
    const unknownRunning = running && !current;
    return {
      ...plan,
      kind: mode === 'pipeline' ? 'rerun' : 'redeploy',
      target,
      message: `${
        mode === 'pipeline'
          ? `Re-run run ${
              target.runId
            } of the pipeline, which deployed commit ${shortSha(
              target.commit!,
            )}`
          : `Deploy again the template of ${since.replace(
              'T',
              ' ',
            )} UTC (${target.templateHash!.slice(0, 12)})`
      }, the deployment before the one running now${
        unknownRunning
          ? ` (${location.stackName} runs a version Stageline did not deploy; this is the last one it did)`
          : ''
      }${note}`,
    };
  }
}
