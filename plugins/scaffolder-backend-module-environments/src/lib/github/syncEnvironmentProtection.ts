import { describeGithubError } from '@stageline/plugin-environments-node';
import type { Octokit } from 'octokit';
import type { GithubEnvironmentSpec } from './GithubEnvironmentSpec';

type BranchPolicy = 'any' | 'protected' | 'custom';

interface Protection {
  waitTimer: number;
  preventSelfReview: boolean;
  reviewers: Array<{ type: 'User' | 'Team'; id: number }>;
  branchPolicy: BranchPolicy;
}

type EnvironmentResponse = Awaited<
  ReturnType<Octokit['rest']['repos']['getEnvironment']>
>['data'];

const NEW_ENVIRONMENT: Protection = {
  waitTimer: 0,
  preventSelfReview: false,
  reviewers: [],
  branchPolicy: 'any',
};

function currentProtection(environment: EnvironmentResponse): Protection {
  const protection = { ...NEW_ENVIRONMENT };
  for (const rule of environment.protection_rules ?? []) {
    if (rule.type === 'wait_timer' && 'wait_timer' in rule) {
      protection.waitTimer = rule.wait_timer ?? 0;
    }
    if (rule.type === 'required_reviewers' && 'reviewers' in rule) {
      protection.preventSelfReview = !!rule.prevent_self_review;
      protection.reviewers = (rule.reviewers ?? []).map(r => ({
        type: r.type as 'User' | 'Team',
        id: (r.reviewer as { id: number }).id,
      }));
    }
  }
  const policy = environment.deployment_branch_policy;
  if (policy?.custom_branch_policies) protection.branchPolicy = 'custom';
  else if (policy?.protected_branches) protection.branchPolicy = 'protected';
  return protection;
}

function desiredProtection(
  spec: GithubEnvironmentSpec,
  current: Protection,
): Protection {
  let branchPolicy = current.branchPolicy;
  if (spec.branches) branchPolicy = spec.branches.length ? 'custom' : 'any';
  return {
    waitTimer: spec.waitTimer ?? current.waitTimer,
    preventSelfReview: spec.preventSelfReview ?? current.preventSelfReview,
    reviewers:
      spec.reviewers?.map(({ type, id }) => ({ type, id })) ??
      current.reviewers,
    branchPolicy,
  };
}

const reviewerKeys = (p: Protection) =>
  p.reviewers.map(r => `${r.type}:${r.id}`).sort();

function differences(current: Protection, desired: Protection): string[] {
  const changes: string[] = [];
  if (current.waitTimer !== desired.waitTimer) {
    changes.push(
      `wait timer ${current.waitTimer} → ${desired.waitTimer} minutes`,
    );
  }
  if (current.preventSelfReview !== desired.preventSelfReview) {
    changes.push(
      `prevent self-review ${current.preventSelfReview} → ${desired.preventSelfReview}`,
    );
  }
  if (reviewerKeys(current).join() !== reviewerKeys(desired).join()) {
    changes.push(
      `reviewers [${reviewerKeys(current).join(', ')}] → [${reviewerKeys(
        desired,
      ).join(', ')}]`,
    );
  }
  if (current.branchPolicy !== desired.branchPolicy) {
    changes.push(
      `deployment branches ${current.branchPolicy} → ${desired.branchPolicy}`,
    );
  }
  return changes;
}

const BRANCH_POLICIES: Record<
  BranchPolicy,
  { protected_branches: boolean; custom_branch_policies: boolean } | null
> = {
  any: null,
  protected: { protected_branches: true, custom_branch_policies: false },
  custom: { protected_branches: false, custom_branch_policies: true },
};

/**
 * Creates the environment, or updates its protection rules (wait timer, reviewers,
 * prevent-self-review, deployment branch policy) where the spec differs from what it has.
 */
export async function syncEnvironmentProtection(options: {
  octokit: Octokit;
  owner: string;
  repo: string;
  spec: GithubEnvironmentSpec;
}): Promise<{ created: boolean; url?: string; changes: string[] }> {
  const { octokit, owner, repo, spec } = options;
  const where = `environment ${spec.name} of ${owner}/${repo}`;
  let existing: EnvironmentResponse | undefined;
  try {
    existing = (
      await octokit.rest.repos.getEnvironment({
        owner,
        repo,
        environment_name: spec.name,
      })
    ).data;
  } catch (error) {
    if ((error as { status?: number }).status !== 404) {
      throw describeGithubError(error, `reading ${where}`);
    }
  }
  const current = existing ? currentProtection(existing) : NEW_ENVIRONMENT;
  const desired = desiredProtection(spec, current);
  const changes = existing ? differences(current, desired) : ['created'];
  if (changes.length === 0) {
    return { created: false, url: existing?.html_url, changes };
  }
  try {
    const { data } = await octokit.rest.repos.createOrUpdateEnvironment({
      owner,
      repo,
      environment_name: spec.name,
      wait_timer: desired.waitTimer,
      prevent_self_review: desired.preventSelfReview,
      reviewers: desired.reviewers,
      deployment_branch_policy: BRANCH_POLICIES[desired.branchPolicy],
    });
    return { created: !existing, url: data.html_url, changes };
  } catch (error) {
    throw describeGithubError(
      error,
      `${existing ? 'updating' : 'creating'} ${where}`,
    );
  }
}
