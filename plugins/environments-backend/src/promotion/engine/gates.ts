import type {
  DeploymentSection,
  EnvironmentEntity,
  PromotionGateResult,
} from '@stageline/plugin-environments-common';
import {
  isStackStatusSettled,
  toSectionError,
} from '@stageline/plugin-environments-node';
import type {
  EnvironmentDeploymentProvider,
  EnvironmentSourceControlProvider,
  ProviderCallOptions,
} from '@stageline/plugin-environments-node';
import {
  describePullRequestRefusal,
  isReadyToMerge,
} from './pullRequestRefusal';
import {
  activeFreezeWindow,
  describeFreezeWindow,
  FreezeWindow,
} from './freezeWindows';

/**
 * Ids of the built-in gates, in the order they run; `pull-request-ready` runs for the `merge`
 * strategy only.
 *
 * @public
 */
export const PROMOTION_GATE_IDS = [
  'freeze-window',
  'deployment-complete',
  'deployed-version',
  'checks-green',
  'commits-pending',
  'pull-request-ready',
] as const;

const failedToRead = (
  id: string,
  what: string,
  error: unknown,
): PromotionGateResult => ({
  id,
  status: 'failed',
  message: `Could not read ${what}: ${toSectionError(error).message}`,
});

/** The target's stage is not inside a freeze window. */
export function freezeWindowGate(
  target: EnvironmentEntity,
  windows: FreezeWindow[],
  now: Date,
): PromotionGateResult {
  const active = activeFreezeWindow(windows, target.spec.type, now);
  return active
    ? {
        id: 'freeze-window',
        status: 'failed',
        message: `${target.spec.type} is frozen by ${describeFreezeWindow(
          active,
        )}`,
      }
    : {
        id: 'freeze-window',
        status: 'passed',
        message: `No freeze window covers ${target.spec.type} now`,
      };
}

/** The source's deployment finished (`*_COMPLETE`, not a rollback); skipped where unconfigured. */
export async function deploymentCompleteGate(
  source: EnvironmentEntity,
  provider: EnvironmentDeploymentProvider | undefined,
  read: Promise<DeploymentSection> | undefined,
): Promise<PromotionGateResult> {
  const id = 'deployment-complete';
  if (!provider || !read) {
    return {
      id,
      status: 'skipped',
      message: `No deployment provider for ${
        source.spec.deployment?.provider ?? 'this environment'
      }; deployment state not checked`,
    };
  }
  try {
    const deployment = await read;
    if (deployment.status === 'unconfigured') {
      return {
        id,
        status: 'skipped',
        message: `Deployment state not checked: ${deployment.message}`,
      };
    }
    if (deployment.status === 'error') {
      return {
        id,
        status: 'failed',
        message: deployment.message ?? 'Could not read the deployment',
      };
    }
    return isStackStatusSettled(deployment.stackStatus)
      ? {
          id,
          status: 'passed',
          message: `${deployment.stackName} is ${deployment.stackStatus}`,
        }
      : {
          id,
          status: 'failed',
          message: `${deployment.stackName} is ${deployment.stackStatus}; promote once its deployment is CREATE_COMPLETE or UPDATE_COMPLETE`,
        };
  } catch (error) {
    return failedToRead(id, 'the deployment', error);
  }
}

/**
 * What is promoted has run in the source: the source's deployed commit (its stack's
 * `stageline.dev/commit` tag) is the head of its branch, which the promotion moves on. Skipped
 * where the deployed commit or the branch head is not known.
 */
export async function deployedVersionGate(
  source: EnvironmentEntity,
  read: Promise<DeploymentSection> | undefined,
  branchHead: string | undefined,
): Promise<PromotionGateResult> {
  const id = 'deployed-version';
  const branch = source.spec.branch ?? 'its branch';
  let commit: string | undefined;
  try {
    commit = (await read)?.commit;
  } catch {
    commit = undefined;
  }
  if (!commit || !branchHead) {
    return {
      id,
      status: 'skipped',
      message: `Deployed version not compared: ${
        commit
          ? `the head of ${branch} is not known`
          : `the commit ${source.metadata.name} runs is not known (no stageline.dev/commit tag on its stack, or AWS not configured)`
      }`,
    };
  }
  const short = (sha: string) => sha.slice(0, 7);
  if (branchHead.startsWith(commit) || commit.startsWith(branchHead)) {
    return {
      id,
      status: 'passed',
      message: `${source.metadata.name} runs ${branch}@${short(
        branchHead,
      )}, what is promoted`,
    };
  }
  return {
    id,
    status: 'failed',
    message: `${source.metadata.name} runs ${short(
      commit,
    )}, but ${branch} is at ${short(branchHead)}: deploy ${short(
      branchHead,
    )} to ${
      source.metadata.name
    } first, so that what is promoted has run there`,
  };
}

/** Every status and check run on the source branch head is green. */
export async function checksGreenGate(
  source: EnvironmentEntity,
  sourceControl: EnvironmentSourceControlProvider,
  options: ProviderCallOptions,
): Promise<PromotionGateResult> {
  const id = 'checks-green';
  try {
    const checks = await sourceControl.getBranchChecks(source, options);
    const at = `${source.spec.branch}@${checks.sha.slice(0, 7)}`;
    switch (checks.state) {
      case 'success':
        return {
          id,
          status: 'passed',
          message: `${checks.total} checks green on ${at}`,
        };
      case 'none':
        return {
          id,
          status: 'passed',
          message: `No checks reported on ${at}${
            checks.note ? `: ${checks.note}` : ''
          }`,
        };
      case 'pending':
        return {
          id,
          status: 'failed',
          message: `Checks still running on ${at}: ${checks.notGreen.join(
            '; ',
          )}`,
        };
      default:
        return {
          id,
          status: 'failed',
          message: `Checks failing on ${at}: ${checks.notGreen.join('; ')}`,
        };
    }
  } catch (error) {
    return failedToRead(id, 'the checks', error);
  }
}

/** The source branch has commits the target lacks (`pending`: how many). */
export function commitsPendingGate(
  source: EnvironmentEntity,
  target: EnvironmentEntity,
  pending: number | Error,
): PromotionGateResult {
  const id = 'commits-pending';
  if (pending instanceof Error)
    return failedToRead(id, 'the pending commits', pending);
  return pending > 0
    ? {
        id,
        status: 'passed',
        message: `${pending} commit${pending === 1 ? '' : 's'} to promote`,
      }
    : {
        id,
        status: 'failed',
        message: `Nothing to promote: ${target.spec.branch} already has every commit of ${source.spec.branch}`,
      };
}

/**
 * For the `merge` strategy: the open promotion pull request is approved and mergeable; skipped
 * when the source-control provider cannot report review state.
 */
export async function pullRequestReadyGate(
  source: EnvironmentEntity,
  target: EnvironmentEntity,
  sourceControl: EnvironmentSourceControlProvider,
  options: ProviderCallOptions,
): Promise<PromotionGateResult> {
  const id = 'pull-request-ready';
  if (!sourceControl.getPromotionPullRequest) {
    return {
      id,
      status: 'skipped',
      message:
        'Pull request review state not checked: the source control provider does not report it',
    };
  }
  try {
    const pull = await sourceControl.getPromotionPullRequest(
      source,
      target,
      options,
    );
    if (!isReadyToMerge(pull)) {
      return {
        id,
        status: 'failed',
        message: describePullRequestRefusal(
          pull,
          source.spec.branch ?? source.metadata.name,
          target.spec.branch ?? target.metadata.name,
        ),
      };
    }
    return {
      id,
      status: 'passed',
      message: `Pull request #${
        pull.number
      } is approved by ${pull.approvedBy.join(', ')} and mergeable`,
    };
  } catch (error) {
    return failedToRead(id, 'the promotion pull request', error);
  }
}
