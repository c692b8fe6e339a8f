/**
 * What a person does on github.com during the browser tests, through the fake GitHub's /_e2e/
 * routes (e2e/fake-github/server.ts): push commits, review a pull request.
 */
const FAKE_GITHUB = process.env.E2E_FAKE_GITHUB_URL ?? 'http://127.0.0.1:7099';
export const REPOSITORY = 'acme/macro-ai';

async function call(method, path, body) {
  const response = await fetch(`${FAKE_GITHUB}/_e2e${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    body: body && JSON.stringify(body),
  });
  if (!response.ok) {
    throw new Error(`fake GitHub ${method} ${path}: ${response.status}`);
  }
  return response.json();
}

export const fakeGithub = {
  push: (branch, messages) =>
    call('POST', `/repos/${REPOSITORY}/push`, { branch, messages }),
  review: (pullNumber, login, state) =>
    call('POST', `/repos/${REPOSITORY}/pulls/${pullNumber}/reviews`, {
      login,
      state,
    }),
  /** Requests the backend sent to routes the fake does not answer. */
  unanswered: () => call('GET', '/unanswered'),
};
