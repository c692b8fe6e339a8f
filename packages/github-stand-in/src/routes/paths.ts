/** GitHub's REST API base. */
export const API = 'https://api.github.com';
/** GitHub's web base. */
export const WEB = 'https://github.com';
/** The path of a repository's endpoints, with `owner` and `repo` params. */
export const REPO = `${API}/repos/:owner/:repo`;
