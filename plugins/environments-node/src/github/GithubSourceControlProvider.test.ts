import { http, HttpResponse } from 'msw';
import { setupFakeGithub } from '../__testUtils__/setupFakeGithub';
import {
  githubProvider,
  production,
  staging,
} from '../__testUtils__/promotionFixtures';

const fake = setupFakeGithub();

function openPull(mergeable: boolean | null = true, mergeable_state = 'clean') {
  fake.github.pulls.push({
    number: 12,
    head: 'develop',
    base: 'main',
    mergeable,
    mergeable_state,
  });
}

describe('GithubSourceControlProvider.getPromotionState', () => {
  it('reads no pull request details when no promotion pull request is open', async () => {
    const state = await githubProvider().getPromotionState(staging, production);
    expect(state).toMatchObject({ status: 'ok', commitsAhead: 2 });
    expect(state.pullRequest).toBeUndefined();
    expect(
      fake.github.requests.filter(r => r.startsWith('GET /pulls/')),
    ).toEqual([]);
  });

  it('fills approved and mergeable of an open promotion pull request, conditionally on later refreshes', async () => {
    openPull();
    fake.github.review(12, 'alice', 'APPROVED');
    const provider = githubProvider();
    const state = await provider.getPromotionState(staging, production);
    expect(state.pullRequest).toEqual({
      number: 12,
      title: 'Promote develop to main',
      url: 'https://github.com/acme/macro-ai/pull/12',
      state: 'open',
      approved: true,
      mergeable: true,
    });

    fake.github.review(12, 'bob', 'CHANGES_REQUESTED');
    fake.github.pulls[0].mergeable = false;
    fake.github.pulls[0].mergeable_state = 'dirty';
    const again = await provider.getPromotionState(staging, production);
    expect(again.pullRequest).toMatchObject({
      approved: false,
      mergeable: false,
    });

    await provider.getPromotionState(staging, production);
    expect(fake.github.notModified).toEqual(
      expect.arrayContaining(['/pulls/12', '/pulls/12/reviews']),
    );
  });

  it('leaves mergeable out while GitHub computes it, without waiting', async () => {
    openPull(null, 'unknown');
    const state = await githubProvider({
      attempts: 5,
      intervalMs: 10_000,
    }).getPromotionState(staging, production);
    expect(state.pullRequest).toMatchObject({ approved: false });
    expect(state.pullRequest?.mergeable).toBeUndefined();
    expect(
      fake.github.requests.filter(r => r.startsWith('GET /pulls/12')),
    ).toEqual(['GET /pulls/12', 'GET /pulls/12/reviews?per_page=100']);
  });

  it('keeps the section ok when the review state cannot be read', async () => {
    openPull();
    fake.server.use(
      http.get('https://api.github.com/repos/acme/macro-ai/pulls/:number', () =>
        HttpResponse.json({ message: 'Not Found' }, { status: 404 }),
      ),
    );
    const state = await githubProvider().getPromotionState(staging, production);
    expect(state.status).toBe('ok');
    expect(state.pullRequest).toEqual({
      number: 12,
      title: 'Promote develop to main',
      url: 'https://github.com/acme/macro-ai/pull/12',
      state: 'open',
    });
  });
});
