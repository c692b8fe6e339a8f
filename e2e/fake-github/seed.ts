/*
 * The example system's repository as the browser tests start it, on @stageline/github-stand-in:
 * acme/macro-ai (the github.com/project-slug of examples/) with `main` (production, green),
 * `develop` (staging) one green commit ahead of main, the preview's branch with its open pull
 * request #42 (examples/environments.yaml, macro-ai-api-pr-42, registered by hand), and pull
 * request #41 by alice, opened a day ago and last pushed to 20 hours ago, whose preview the
 * catalog's preview provider makes (macro-ai-api-staging declares previews). `reviewer` has
 * write access, so an approval by them counts.
 */
import { GithubStandIn } from '@stageline/github-stand-in';

export const REPOSITORY = 'acme/macro-ai';

/** Pushes one commit per message onto a branch; its new head gets a green status and check run. */
export function pushCommits(
  github: GithubStandIn,
  branch: string,
  messages: string[],
  author = 'developer',
): string {
  let head = github.head(REPOSITORY, branch);
  for (const message of messages) {
    head = github.commit(REPOSITORY, branch, message, author);
  }
  github.setChecks(REPOSITORY, head, [
    { kind: 'status', name: 'ci/build', state: 'success' },
    { kind: 'check-run', name: 'test', state: 'success' },
  ]);
  return head;
}

export function seedGithub(github = new GithubStandIn()): GithubStandIn {
  const realClock = github.clock;
  const hoursAgo = (hours: number) => () =>
    new Date(Date.now() - hours * 3_600_000);
  github.addRepo(REPOSITORY, [
    'main',
    'develop',
    'feature/streaming-responses',
    'feature/dark-mode',
  ]);
  github.setRole(REPOSITORY, 'octocat', 'admin');
  github.setRole(REPOSITORY, 'reviewer', 'write');
  pushCommits(github, 'main', []);
  pushCommits(github, 'develop', ['Add a readiness probe to the API']);

  github.clock = hoursAgo(24);
  github.openPull(
    REPOSITORY,
    'feature/dark-mode',
    'develop',
    'Add a dark mode',
    {
      author: 'alice',
      number: 41,
    },
  );
  github.clock = hoursAgo(20);
  pushCommits(github, 'feature/dark-mode', ['Add a dark mode']);
  github.clock = realClock;

  pushCommits(github, 'feature/streaming-responses', [
    'Stream completions to the client',
  ]);
  github.openPull(
    REPOSITORY,
    'feature/streaming-responses',
    'develop',
    'Stream completions to the client',
    { number: 42 },
  );
  return github;
}
