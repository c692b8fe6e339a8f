/*
 * The example system's repository as the browser tests start it: acme/macro-ai (the
 * github.com/project-slug of examples/) with `main` (production), `develop` (staging) one
 * green commit ahead of main, the preview's branch with its open pull request #42
 * (examples/environments.yaml, macro-ai-api-pr-42, registered by hand), and pull request #41 by
 * alice, opened a day ago and last pushed to 20 hours ago, whose preview the catalog's preview
 * provider makes (macro-ai-api-staging declares previews).
 */
import { FakeRepository } from './FakeRepository.mjs';

export function seedRepositories() {
  const repo = new FakeRepository('acme/macro-ai', [
    'main',
    'develop',
    'feature/streaming-responses',
    'feature/dark-mode',
  ]);
  const hoursAgo = hours => new Date(Date.now() - hours * 3_600_000);
  repo.setChecks(repo.headOf('main'), 'success');
  repo.push('develop', ['Add a readiness probe to the API']);
  repo.push('feature/streaming-responses', [
    'Stream completions to the client',
  ]);
  repo.push('feature/dark-mode', ['Add a dark mode'], { at: hoursAgo(20) });
  repo.openPull({
    number: 41,
    head: 'feature/dark-mode',
    base: 'develop',
    title: 'Add a dark mode',
    author: 'alice',
    openedAt: hoursAgo(24),
  });
  repo.openPull({
    number: 42,
    head: 'feature/streaming-responses',
    base: 'develop',
    title: 'Stream completions to the client',
  });
  return new Map([[repo.slug, repo]]);
}
