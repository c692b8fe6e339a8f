import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { Octokit } from 'octokit';
import { describeGithubError } from './describeGithubError';

// GitHub's error bodies as its REST reference shows them
// (https://docs.github.com/rest/using-the-rest-api/troubleshooting-the-rest-api), read back
// through the real Octokit so the errors are the RequestErrors Stageline gets.
const REPO = 'https://api.github.com/repos/acme/macro-ai';
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const octokit = new Octokit({
  auth: 'ghp_describeGithubErrorTestToken000000001',
  retry: { enabled: false },
  throttle: { enabled: false },
});

async function failure(
  status: number,
  body: Record<string, unknown>,
): Promise<unknown> {
  server.use(
    http.post(`${REPO}/actions/runs/42/rerun`, () =>
      HttpResponse.json(body, { status }),
    ),
  );
  return octokit.rest.actions
    .reRunWorkflow({ owner: 'acme', repo: 'macro-ai', run_id: 42 })
    .then(
      () => {
        throw new Error('expected GitHub to refuse');
      },
      error => error,
    );
}

const WHAT = 're-running run 42 of acme/macro-ai';

describe('describeGithubError', () => {
  it("adds what GitHub's errors say to its message", async () => {
    const error = describeGithubError(
      await failure(422, {
        message: 'Validation Failed',
        errors: [
          {
            resource: 'PullRequest',
            code: 'custom',
            message: 'No commits between main and develop',
          },
          { resource: 'PullRequest', field: 'head', code: 'invalid' },
        ],
        documentation_url:
          'https://docs.github.com/rest/pulls/pulls#create-a-pull-request',
        status: '422',
      }),
      WHAT,
    );
    expect(error.name).toBe('ConflictError');
    expect(error.message).toBe(
      `GitHub could not process ${WHAT}: Validation Failed: No commits between main and develop; PullRequest head invalid`,
    );
  });

  it('says to check the credentials when the 403 is about them', async () => {
    const error = describeGithubError(
      await failure(403, {
        message: 'Resource not accessible by integration',
        documentation_url: 'https://docs.github.com/rest',
        status: '403',
      }),
      WHAT,
    );
    expect(error.name).toBe('ServiceUnavailableError');
    expect(error.message).toBe(
      `GitHub refused ${WHAT} (403: Resource not accessible by integration); check the token or app permissions in integrations.github`,
    );
  });

  it('reports any other 403 as GitHub refusing what was asked, not as a credentials problem', async () => {
    const error = describeGithubError(
      await failure(403, {
        message:
          'Unable to retry this workflow run because it was created over a month ago',
        documentation_url:
          'https://docs.github.com/rest/actions/workflow-runs#re-run-a-workflow',
        status: '403',
      }),
      WHAT,
    );
    expect(error.name).toBe('ConflictError');
    expect(error.message).toBe(
      `GitHub refused ${WHAT} (403: Unable to retry this workflow run because it was created over a month ago)`,
    );
  });

  it('never repeats a token GitHub echoes back', async () => {
    const error = describeGithubError(
      await failure(401, {
        message: 'Bad credentials: ghp_describeGithubErrorTestToken000000001',
        status: '401',
      }),
      WHAT,
    );
    expect(error.message).not.toContain(
      'ghp_describeGithubErrorTestToken000000001',
    );
    expect(error.message).toContain('check the token or app permissions');
  });
});
