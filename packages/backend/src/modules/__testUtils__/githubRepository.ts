import type { RequestHandler } from 'msw';
import { GithubStandIn } from '@stageline/github-stand-in';

/**
 * One GitHub repository at the HTTP edge (msw), through the workspace's shared
 * `@stageline/github-stand-in` (default branch `main`, branch refs, compare, pull requests,
 * statuses and check runs as GitHub's API reference says).
 */
export class GithubRepository {
  readonly #github = new GithubStandIn();

  constructor(readonly slug: string, private readonly names: string[]) {
    this.reset();
  }

  /** Every branch back at one shared root commit; no pull requests. */
  reset(): void {
    this.#github.reset();
    this.#github.addRepo(this.slug, this.names, { defaultBranch: 'main' });
  }

  /** Adds `count` commits on top of `branch`. */
  push(branch: string, count: number): void {
    this.#github.push(this.slug, branch, count);
  }

  /** The open pull requests. */
  get pulls(): Array<{
    number: number;
    head: string;
    base: string;
    title: string;
  }> {
    return this.#github
      .repo(this.slug)
      .pulls.filter(p => p.state === 'open')
      .map(({ number, head, base, title }) => ({ number, head, base, title }));
  }

  handlers(): RequestHandler[] {
    return this.#github.handlers();
  }
}
