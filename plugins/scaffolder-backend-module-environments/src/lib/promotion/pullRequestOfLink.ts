/** GitHub's pull request page path, `/{owner}/{repo}/pull/{number}` (GitHub Enterprise too). */
const PULL_REQUEST_PATH = /^\/[^/]+\/[^/]+\/pull\/([0-9]+)\/?$/;

/**
 * The pull request a promotion's link points at, if it does. The environments backend's
 * `PromotionRecord` has a `runId` but no pull request field: its `link` is the pull request for
 * the `pull-request` and `merge` strategies (`https://github.com/acme/macro-ai/pull/57`), the
 * workflow run for `workflow-dispatch`, the compare page in a dry run.
 */
export function pullRequestOfLink(
  link: string,
): { number: number; url: string } | undefined {
  let pathname: string;
  try {
    pathname = new URL(link).pathname;
  } catch {
    return undefined;
  }
  const match = PULL_REQUEST_PATH.exec(pathname);
  return match ? { number: Number(match[1]), url: link } : undefined;
}
