import { http, HttpResponse } from 'msw';
import { setupGithubStandIn } from '../../../__testUtils__/setupGithubStandIn';
import {
  githubEngine,
  githubProvider,
  production,
  SLUG,
  staging,
} from '../../../__testUtils__/promotionFixtures';

jest.setTimeout(20_000);

const fake = setupGithubStandIn();

const GITHUB_NOW = new Date('2026-01-05T10:00:00.400Z');
const dispatch = (options: { attempts?: number; localNow?: Date } = {}) =>
  githubEngine(
    githubProvider({
      attempts: options.attempts ?? 3,
      intervalMs: 5,
      now: () => options.localNow ?? GITHUB_NOW,
    }),
  ).promote({
    source: staging,
    target: production,
    strategy: 'workflow-dispatch',
  });

const listings = () =>
  fake.github
    .calls(SLUG)
    .filter(r => r.startsWith('GET /actions/workflows/promote.yml/runs'));

beforeEach(() => {
  fake.github.clock = () => GITHUB_NOW;
});

// https://docs.github.com/rest/actions/workflows#create-a-workflow-dispatch-event:
// `return_run_details: true` answers 200 with workflow_run_id, run_url and html_url.
describe('the workflow-dispatch strategy', () => {
  it('dispatches the workflow on the target branch and returns the run GitHub says it started', async () => {
    const sha = fake.github.head(SLUG, 'develop');
    const outcome = await dispatch();
    const [run] = fake.github.repo(SLUG).runs;
    expect(outcome).toMatchObject({
      result: 'succeeded',
      runId: run.id,
      link: `https://github.com/acme/macro-ai/actions/runs/${run.id}`,
      message: `Dispatched workflow promote.yml on main to promote ${sha.slice(
        0,
        7,
      )} from develop: run ${run.id}`,
    });
    expect(fake.github.writes().map(w => w.body)).toEqual([
      {
        ref: 'main',
        inputs: { source_branch: 'develop', target_branch: 'main', sha },
        return_run_details: true,
      },
    ]);
    expect(listings()).toEqual([]);
  });
});

// Servers without return_run_details answer 422; the dispatch is sent again without it and the
// run is found in https://docs.github.com/rest/actions/workflow-runs#list-workflow-runs-for-a-workflow.
describe('the workflow-dispatch strategy where GitHub does not return the run', () => {
  beforeEach(() => {
    fake.github.returnsRunDetails = false;
  });

  it('finds the run whose title names the promoted commit, not a foreign dispatch just before it', async () => {
    const sha = fake.github.head(SLUG, 'develop');
    const foreign = fake.github.addRun(SLUG, {
      branch: 'main',
      event: 'workflow_dispatch',
      actor: 'stageline[bot]',
      displayTitle: 'Promote develop@0000000 to main',
      createdAt: '2026-01-05T10:00:00Z',
    });
    const outcome = await dispatch();
    const ours = fake.github.repo(SLUG).runs.at(-1)!;
    expect(ours.id).not.toBe(foreign.id);
    expect(outcome).toMatchObject({ result: 'succeeded', runId: ours.id });
    expect(fake.github.writes()).toHaveLength(2);
    expect(fake.github.writes()[1].body).toEqual({
      ref: 'main',
      inputs: { source_branch: 'develop', target_branch: 'main', sha },
    });
    expect(listings()).toHaveLength(2);
    const query = new URLSearchParams(listings()[0].split('?')[1]);
    expect(Object.fromEntries(query)).toEqual({
      event: 'workflow_dispatch',
      branch: 'main',
      created: '>=2026-01-05T09:59:55Z',
      per_page: '20',
    });
  });

  it('goes by GitHub’s clock, not a local clock running ahead', async () => {
    const outcome = await dispatch({
      localNow: new Date('2026-01-05T10:07:00Z'),
    });
    expect(outcome.runId).toBe(fake.github.repo(SLUG).runs[0].id);
  });

  it('filters by the token’s user when it has one', async () => {
    fake.github.tokenLogins.set('ghp_testtokentesttokentesttoken1234', 'jane');
    const outcome = await dispatch();
    expect(outcome.runId).toBe(fake.github.repo(SLUG).runs[0].id);
    expect(listings()[0]).toContain('actor=jane');
  });

  it('does not guess when the workflow’s runs do not name the promoted commit', async () => {
    fake.github.addWorkflow(SLUG, 'promote.yml', {
      inputs: ['source_branch', 'target_branch', 'sha'],
    });
    const outcome = await dispatch();
    expect(outcome.result).toBe('succeeded');
    expect(outcome.runId).toBeUndefined();
    expect(outcome.link).toBe(
      'https://github.com/acme/macro-ai/actions/workflows/promote.yml',
    );
    expect(outcome.message).toContain(
      'the run id is not known yet (1 run of promote.yml on main started since the dispatch, none naming',
    );
    expect(outcome.message).toContain(
      'give the workflow a run-name with ${{ inputs.sha }}',
    );
  });

  it('succeeds with the workflow page when the run does not show up within the bounded wait', async () => {
    fake.github.runsAppearAfterListings = 5;
    const outcome = await dispatch({ attempts: 2 });
    expect(outcome.result).toBe('succeeded');
    expect(outcome.runId).toBeUndefined();
    expect(outcome.message).toMatch(
      /the run id is not known yet \(the run did not show up within 0.01 s\): see the workflow's runs$/,
    );
    expect(listings()).toHaveLength(2);
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
