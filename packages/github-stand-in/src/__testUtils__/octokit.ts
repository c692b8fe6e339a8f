import { Octokit } from 'octokit';

/** The real Octokit for the stand-in's tests, without retries or throttling to wait out. */
export function testOctokit(token = 'token-a'): Octokit {
  return new Octokit({
    auth: token,
    retry: { enabled: false },
    throttle: { enabled: false },
  });
}
