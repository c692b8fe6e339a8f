/*
 * The GitHub REST routes Stageline's backend calls (plugins/environments-backend/src/sourceControl/github,
 * plugins/environments-node/src/github), answered from FakeRepository in GitHub's wire format, as
 * the REST reference documents each one
 * (https://docs.github.com/en/rest, linked per route below). Fields Stageline does not read are
 * kept where they are cheap, so that a client reading one more field finds it.
 */

const DOCS = 'https://docs.github.com/rest';

/** A user object as GitHub embeds it (author, user, …). */
function user(login) {
  return {
    login,
    id: [...login].reduce((sum, c) => sum + c.charCodeAt(0), 1000),
    type: 'User',
    html_url: `https://github.com/${login}`,
  };
}

export function createGithubRoutes({ apiUrl, webUrl }) {
  const api = (repo, path) => `${apiUrl}/repos/${repo.slug}${path}`;
  const web = (repo, path) => `${webUrl}/${repo.slug}${path}`;

  /** A commit as `GET /compare` lists it (https://docs.github.com/rest/commits/commits#compare-two-commits). */
  const commit = (repo, c) => {
    const signature = {
      name: c.author,
      email: `${c.author}@users.noreply.github.com`,
      date: c.date,
    };
    return {
      sha: c.sha,
      node_id: `C_${c.sha.slice(0, 16)}`,
      url: api(repo, `/commits/${c.sha}`),
      html_url: web(repo, `/commit/${c.sha}`),
      commit: {
        author: signature,
        committer: signature,
        message: c.message,
        comment_count: 0,
      },
      author: user(c.author),
      committer: user(c.author),
      parents: c.parents.map(sha => ({
        sha,
        url: api(repo, `/commits/${sha}`),
        html_url: web(repo, `/commit/${sha}`),
      })),
    };
  };

  const branchRef = (repo, branch) => ({
    ref: branch,
    sha: repo.headOf(branch),
    label: `${repo.slug.split('/')[0]}:${branch}`,
    repo: { full_name: repo.slug, name: repo.slug.split('/')[1] },
  });

  /** A pull request (https://docs.github.com/rest/pulls/pulls#get-a-pull-request). */
  const pull = (repo, p, { detailed = false } = {}) => ({
    id: 500_000 + p.number,
    node_id: `PR_${p.number}`,
    number: p.number,
    state: p.state,
    locked: false,
    title: p.title,
    body: p.body,
    user: user(p.author),
    draft: false,
    created_at: p.createdAt,
    updated_at: p.createdAt,
    merged_at: p.merged ? new Date().toISOString() : null,
    merge_commit_sha: p.mergeCommitSha,
    url: api(repo, `/pulls/${p.number}`),
    html_url: web(repo, `/pull/${p.number}`),
    head: branchRef(repo, p.head),
    base: branchRef(repo, p.base),
    ...(detailed
      ? {
          merged: p.merged,
          // GitHub computes these in the background; the fake has no conflicts to find
          mergeable: p.state === 'open' ? true : null,
          mergeable_state: p.state === 'open' ? 'clean' : 'unknown',
          commits: repo.compare(repo.headOf(p.base), repo.headOf(p.head)).ahead
            .length,
        }
      : {}),
  });

  const notFound = path => ({
    status: 404,
    body: {
      message: 'Not Found',
      documentation_url: `${DOCS}${path}`,
      status: '404',
    },
  });

  /** [method, path pattern after /repos/{owner}/{repo}, handler(repo, params, url, body)] */
  return [
    // https://docs.github.com/rest/repos/repos#get-a-repository
    [
      'GET',
      /^$/,
      repo => {
        const [owner, name] = repo.slug.split('/');
        return {
          body: {
            id: 90_000,
            node_id: `R_${repo.slug}`,
            name,
            full_name: repo.slug,
            owner: { ...user(owner), type: 'Organization' },
            private: true,
            visibility: 'private',
            html_url: web(repo, ''),
            url: api(repo, ''),
            default_branch: repo.defaultBranch,
            // returned to tokens that may write, as the backend's is
            allow_merge_commit: true,
            allow_squash_merge: true,
            allow_rebase_merge: true,
            archived: false,
            disabled: false,
          },
        };
      },
    ],
    // https://docs.github.com/rest/git/refs#get-a-reference
    [
      'GET',
      /^\/git\/ref\/heads\/(.+)$/,
      (repo, [branch]) => {
        const sha = repo.branches.get(branch);
        if (!sha) return notFound('/git/refs#get-a-reference');
        return {
          body: {
            ref: `refs/heads/${branch}`,
            node_id: `REF_${branch}`,
            url: api(repo, `/git/refs/heads/${branch}`),
            object: {
              type: 'commit',
              sha,
              url: api(repo, `/git/commits/${sha}`),
            },
          },
        };
      },
    ],
    // https://docs.github.com/rest/commits/commits#compare-two-commits (commits oldest first)
    [
      'GET',
      /^\/compare\/(.+)\.\.\.(.+)$/,
      (repo, [baseRef, headRef]) => {
        const [base, head] = [repo.resolve(baseRef), repo.resolve(headRef)];
        if (!base || !head)
          return notFound('/commits/commits#compare-two-commits');
        const { ahead, behindBy } = repo.compare(base, head);
        let status = 'identical';
        if (ahead.length && behindBy) status = 'diverged';
        else if (ahead.length) status = 'ahead';
        else if (behindBy) status = 'behind';
        return {
          body: {
            url: api(repo, `/compare/${baseRef}...${headRef}`),
            html_url: web(repo, `/compare/${baseRef}...${headRef}`),
            status,
            ahead_by: ahead.length,
            behind_by: behindBy,
            total_commits: ahead.length,
            commits: ahead.map(c => commit(repo, c)),
            files: [],
          },
        };
      },
    ],
    // https://docs.github.com/rest/repos/repos#list-repository-activities (newest first; a branch
    // as refs/heads/NAME or NAME; the fake holds pushes only and answers the first page)
    [
      'GET',
      /^\/activity$/,
      (repo, _params, url) => {
        const ref = url.searchParams.get('ref');
        const fullRef =
          ref && !ref.startsWith('refs/') ? `refs/heads/${ref}` : ref;
        const type = url.searchParams.get('activity_type');
        const perPage = Math.min(
          Number(url.searchParams.get('per_page') ?? 30) || 30,
          100,
        );
        const activities = repo.activities
          .filter(
            a =>
              (!fullRef || a.ref === fullRef) &&
              (!type || a.activityType === type),
          )
          .reverse()
          .slice(0, perPage);
        return {
          body: activities.map(a => ({
            id: a.id,
            node_id: `RA_${a.id}`,
            before: a.before,
            after: a.after,
            ref: a.ref,
            timestamp: a.timestamp,
            activity_type: a.activityType,
            actor: user('developer'),
          })),
        };
      },
    ],
    // https://docs.github.com/rest/pulls/pulls#list-pull-requests (head filter is owner:branch)
    [
      'GET',
      /^\/pulls$/,
      (repo, _params, url) => {
        const state = url.searchParams.get('state') ?? 'open';
        const head = url.searchParams.get('head');
        const base = url.searchParams.get('base');
        const pulls = repo.pulls.filter(
          p =>
            (state === 'all' || p.state === state) &&
            (!head || `${repo.slug.split('/')[0]}:${p.head}` === head) &&
            (!base || p.base === base),
        );
        return { body: pulls.reverse().map(p => pull(repo, p)) };
      },
    ],
    // https://docs.github.com/rest/pulls/pulls#create-a-pull-request
    [
      'POST',
      /^\/pulls$/,
      (repo, _params, _url, body) => {
        const invalid = message => ({
          status: 422,
          body: {
            message: 'Validation Failed',
            errors: [{ resource: 'PullRequest', code: 'custom', message }],
            documentation_url: `${DOCS}/pulls/pulls#create-a-pull-request`,
            status: '422',
          },
        });
        for (const field of ['head', 'base']) {
          if (!repo.branches.has(body?.[field])) {
            return invalid(`${field} is invalid: no branch ${body?.[field]}`);
          }
        }
        if (
          repo.pulls.some(
            p =>
              p.state === 'open' &&
              p.head === body.head &&
              p.base === body.base,
          )
        ) {
          return invalid(
            `A pull request already exists for ${repo.slug.split('/')[0]}:${
              body.head
            }.`,
          );
        }
        if (
          repo.compare(repo.headOf(body.base), repo.headOf(body.head)).ahead
            .length === 0
        ) {
          return invalid(`No commits between ${body.base} and ${body.head}`);
        }
        const created = repo.openPull({
          head: body.head,
          base: body.base,
          title: body.title,
          body: body.body,
          author: 'stageline-bot',
        });
        return { status: 201, body: pull(repo, created, { detailed: true }) };
      },
    ],
    // https://docs.github.com/rest/pulls/pulls#get-a-pull-request
    [
      'GET',
      /^\/pulls\/(\d+)$/,
      (repo, [number]) => {
        const found = repo.pull(Number(number));
        if (!found) return notFound('/pulls/pulls#get-a-pull-request');
        return { body: pull(repo, found, { detailed: true }) };
      },
    ],
    // https://docs.github.com/rest/pulls/reviews#list-reviews-for-a-pull-request (oldest first)
    [
      'GET',
      /^\/pulls\/(\d+)\/reviews$/,
      (repo, [number]) => {
        const found = repo.pull(Number(number));
        if (!found)
          return notFound('/pulls/reviews#list-reviews-for-a-pull-request');
        return {
          body: found.reviews.map(r => ({
            id: r.id,
            node_id: `PRR_${r.id}`,
            user: user(r.login),
            body: '',
            state: r.state,
            html_url: web(
              repo,
              `/pull/${found.number}#pullrequestreview-${r.id}`,
            ),
            pull_request_url: api(repo, `/pulls/${found.number}`),
            submitted_at: r.submittedAt,
            commit_id: r.commitId,
            author_association: 'MEMBER',
          })),
        };
      },
    ],
    // https://docs.github.com/rest/collaborators/collaborators#get-repository-permissions-for-a-user
    // (`permission` is admin, write, read or none; maintain and triage are in `role_name`)
    [
      'GET',
      /^\/collaborators\/([^/]+)\/permission$/,
      (repo, [login]) => {
        const permission = repo.collaborators.get(login) ?? 'none';
        return {
          body: { permission, role_name: permission, user: user(login) },
        };
      },
    ],
    // https://docs.github.com/rest/pulls/pulls#merge-a-pull-request: 405 when it cannot be
    // merged, 409 when `sha` is not the head any more
    [
      'PUT',
      /^\/pulls\/(\d+)\/merge$/,
      (repo, [number], _url, body) => {
        const found = repo.pull(Number(number));
        if (!found) return notFound('/pulls/pulls#merge-a-pull-request');
        if (found.state !== 'open') {
          return {
            status: 405,
            body: { message: 'Pull Request is not mergeable' },
          };
        }
        if (body?.sha && body.sha !== repo.headOf(found.head)) {
          return {
            status: 409,
            body: {
              message:
                'Head branch was modified. Review and try the merge again.',
            },
          };
        }
        const merged = repo.merge(found, {
          title: body?.commit_title,
          message: body?.commit_message,
          author: 'stageline-bot',
        });
        return {
          body: {
            sha: merged.sha,
            merged: true,
            message: 'Pull Request successfully merged',
          },
        };
      },
    ],
    // https://docs.github.com/rest/commits/statuses#get-the-combined-status-for-a-specific-reference
    [
      'GET',
      /^\/commits\/([^/]+)\/status$/,
      (repo, [ref]) => {
        const sha = repo.resolve(ref);
        if (!sha)
          return notFound(
            '/commits/statuses#get-the-combined-status-for-a-specific-reference',
          );
        const statuses = repo.checks.get(sha)?.statuses ?? [];
        let state = 'success';
        if (statuses.length === 0 || statuses.some(s => s.state === 'pending'))
          state = 'pending';
        if (statuses.some(s => s.state === 'failure' || s.state === 'error'))
          state = 'failure';
        return {
          body: {
            state,
            sha,
            total_count: statuses.length,
            statuses: statuses.map((s, i) => ({
              id: 9000 + i,
              context: s.context,
              state: s.state,
              description: `Build ${s.state}`,
              target_url: web(repo, `/actions`),
            })),
            commit_url: api(repo, `/commits/${sha}`),
            url: api(repo, `/commits/${sha}/status`),
          },
        };
      },
    ],
    // https://docs.github.com/rest/checks/runs#list-check-runs-for-a-git-reference
    [
      'GET',
      /^\/commits\/([^/]+)\/check-runs$/,
      (repo, [ref]) => {
        const sha = repo.resolve(ref);
        if (!sha)
          return notFound('/checks/runs#list-check-runs-for-a-git-reference');
        const runs = repo.checks.get(sha)?.checkRuns ?? [];
        return {
          body: {
            total_count: runs.length,
            check_runs: runs.map((run, i) => ({
              id: 7000 + i,
              head_sha: sha,
              name: run.name,
              status: run.status,
              conclusion: run.conclusion,
              html_url: web(repo, `/runs/${7000 + i}`),
              started_at: new Date().toISOString(),
              completed_at:
                run.status === 'completed' ? new Date().toISOString() : null,
            })),
          },
        };
      },
    ],
  ];
}
