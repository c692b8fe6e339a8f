import { describeGithubError } from '@stageline/plugin-environments-node';
import type { Octokit } from 'octokit';
import type { GithubEnvironmentSpec } from './GithubEnvironmentSpec';

interface Protection {
  waitTimer: number;
  preventSelfReview: boolean;
  /** `User:1`, `Team:7`, sorted. */
  reviewers: string[];
  branchPolicy: 'any' | 'protected' | 'custom';
}

type EnvironmentResponse = Awaited<ReturnType<Octokit['rest']['repos']['getEnvironment']>>['data'];

function currentProtection(environment: EnvironmentResponse): Protection {
  let waitTimer = 0;
  let preventSelfReview = false;
  let reviewers: string[] = [];
  for (const rule of environment.protection_rules ?? []) {
    if (rule.type === 'wait_timer' && 'wait_timer' in rule) {
      waitTimer = rule.wait_timer ?? 0;
    }
    if (rule.type === 'required_reviewers' && 'reviewers' in rule) {
      preventSelfReview = !!rule.prevent_self_review;
      reviewers = (rule.reviewers ?? [])
        .map(r => `${r.type}:${(r.reviewer as { id?: number } | undefined)?.id}`)
        .sort();
    }
  }
  const policy = environment.deployment_branch_policy;
  let branchPolicy: Protection['branchPolicy'] = 'any';
  if (policy?.custom_branch_policies) branchPolicy = 'custom';
  else if (policy?.protected_branches) branchPolicy = 'protected';
  return { waitTimer, preventSelfReview, reviewers, branchPolicy };
}

function desiredProtection(spec: GithubEnvironmentSpec): Protection {
  return {
    waitTimer: spec.waitTimer,
    preventSelfReview: spec.preventSelfReview,
    reviewers: spec.reviewers.map(r => `${r.type}:${r.id}`).sort(),
    branchPolicy: spec.branches.length ? 'custom' : 'any',
  };
}

function differences(current: Protection, desired: Protection): string[] {
  const changes: string[] = [];
  if (current.waitTimer !== desired.waitTimer) {
    changes.push(`wait timer ${current.waitTimer} → ${desired.waitTimer} minutes`);
  }
  if (current.preventSelfReview !== desired.preventSelfReview) {
    changes.push(`prevent self-review ${current.preventSelfReview} → ${desired.preventSelfReview}`);
  }
  if (current.reviewers.join() !== desired.reviewers.join()) {
    changes.push(`reviewers [${current.reviewers.join(', ')}] → [${desired.reviewers.join(', ')}]`);
  }
  if (current.branchPolicy !== desired.branchPolicy) {
    changes.push(`deployment branches ${current.branchPolicy} → ${desired.branchPolicy}`);
  }
  return changes;
}

/**
 * Creates the environment, or updates its protection rules (wait timer, reviewers,
 * prevent-self-review, deployment branch policy) when they differ from the spec.
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
    existing = (await octokit.rest.repos.getEnvironment({ owner, repo, environment_name: spec.name })).data;
  } catch (error) {
    if ((error as { status?: number }).status !== 404) {
      throw describeGithubError(error, `reading ${where}`);
    }
  }
  const desired = desiredProtection(spec);
  const changes = existing ? differences(currentProtection(existing), desired) : ['created'];
  if (changes.length === 0) {
    return { created: false, url: existing?.html_url, changes };
  }
  try {
    const { data } = await octokit.rest.repos.createOrUpdateEnvironment({
      owner,
      repo,
      environment_name: spec.name,
      wait_timer: spec.waitTimer,
      prevent_self_review: spec.preventSelfReview,
      reviewers: spec.reviewers.map(r => ({ type: r.type, id: r.id })),
      deployment_branch_policy: spec.branches.length
        ? { protected_branches: false, custom_branch_policies: true }
        : null,
    });
    return { created: !existing, url: data.html_url, changes };
  } catch (error) {
    throw describeGithubError(error, `${existing ? 'updating' : 'creating'} ${where}`);
  }
}
