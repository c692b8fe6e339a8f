import { http, HttpResponse } from 'msw';
import { setupFakeGithub } from '../../__testUtils__/setupFakeGithub';
import {
  githubEngine,
  githubProvider,
  production,
  staging,
} from '../../__testUtils__/promotionFixtures';

jest.setTimeout(20_000);

const fake = setupFakeGithub();

const DISPATCHED_AT = new Date('2026-01-05T10:00:00.400Z');
const dispatch = (attempts = 3) =>
  githubEngine(
    githubProvider({ attempts, intervalMs: 5, now: () => DISPATCHED_AT }),
  ).promote({
    source: staging,
    target: production,
    strategy: 'workflow-dispatch',
  });

describe('the workflow-dispatch strategy', () => {
  it('dispatches the workflow on the target branch and returns the run it started', async () => {
    fake.github.runs = [
      { id: 500, created_at: '2026-01-05T09:59:59Z', head_branch: 'main' },
      { id: 501, created_at: '2026-01-05T10:00:01Z', head_branch: 'main' },
      { id: 502, created_at: '2026-01-05T10:00:03Z', head_branch: 'main' },
    ];
    fake.github.runsAppearAfter = 1;
    const outcome = await dispatch();
    expect(outcome).toMatchObject({
      result: 'succeeded',
      runId: 501,
      link: 'https://github.com/acme/macro-ai/actions/runs/501',
      message:
        'Dispatched workflow promote.yml on main to promote ddddddd from develop: run 501',
    });
    expect(fake.github.dispatched).toEqual([
      {
        workflow: 'promote.yml',
        ref: 'main',
        inputs: {
          source_branch: 'develop',
          target_branch: 'main',
          sha: 'd'.repeat(40),
        },
      },
    ]);
    const listings = fake.github.requests.filter(r =>
      r.startsWith('GET /actions/workflows/promote.yml/runs'),
    );
    expect(listings).toHaveLength(2);
    const query = new URLSearchParams(listings[0].split('?')[1]);
    expect(Object.fromEntries(query)).toEqual({
      event: 'workflow_dispatch',
      branch: 'main',
      created: '>=2026-01-05T10:00:00Z',
      per_page: '20',
    });
  });

  it('succeeds with the workflow page when the run does not show up within the bounded wait', async () => {
    fake.github.runs = [
      { id: 500, created_at: '2026-01-05T09:59:59Z', head_branch: 'main' },
    ];
    const outcome = await dispatch(2);
    expect(outcome.result).toBe('succeeded');
    expect(outcome.runId).toBeUndefined();
    expect(outcome.link).toBe(
      'https://github.com/acme/macro-ai/actions/workflows/promote.yml',
    );
    expect(outcome.message).toBe(
      "Dispatched workflow promote.yml on main to promote ddddddd from develop; the run id is not known yet (the run did not show up within 0.01 s): see the workflow's runs",
    );
    expect(fake.github.requests.filter(r => r.includes('/runs?'))).toHaveLength(
      2,
    );
  });

  it('still succeeds, saying why, when the runs cannot be listed', async () => {
    fake.server.use(
      http.get(
        'https://api.github.com/repos/acme/macro-ai/actions/workflows/:workflow/runs',
        () => HttpResponse.json({ message: 'Not Found' }, { status: 404 }),
      ),
    );
    const outcome = await dispatch();
    expect(outcome.result).toBe('succeeded');
    expect(outcome.runId).toBeUndefined();
    expect(outcome.message).toMatch(
      /the run id is not known yet \(GitHub answered 404 listing the runs of promote.yml in acme\/macro-ai/,
    );
  });
});
