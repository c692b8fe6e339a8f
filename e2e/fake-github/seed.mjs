/*
 * The example system's repository as the browser tests start it: acme/macro-ai (the
 * github.com/project-slug of examples/) with `main` (production), `develop` (staging) one
 * green commit ahead of main, and the preview's branch with its open pull request #42
 * (examples/environments.yaml, macro-ai-api-pr-42).
 */
import { FakeRepository } from './FakeRepository.mjs';

export function seedRepositories() {
  const repo = new FakeRepository('acme/macro-ai', [
    'main',
    'develop',
    'feature/streaming-responses',
  ]);
  repo.setChecks(repo.headOf('main'), 'success');
  repo.push('develop', ['Add a readiness probe to the API']);
  repo.push('feature/streaming-responses', [
    'Stream completions to the client',
  ]);
  repo.openPull({
    number: 42,
    head: 'feature/streaming-responses',
    base: 'develop',
    title: 'Stream completions to the client',
  });
  return new Map([[repo.slug, repo]]);
}
