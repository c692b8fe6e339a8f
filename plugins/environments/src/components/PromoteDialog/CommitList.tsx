import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { Link } from '@backstage/core-components';
import type { PendingCommit } from '@stageline/plugin-environments-common';
import { PlainList } from './PlainList';
import { shortSha } from '../../lib/format';
import { NOUNS, pluralForm } from '../../lib/plural';

/** Commits waiting to be promoted, newest first as the backend sends them. */
export function CommitList({
  commits,
  total,
}: {
  commits: PendingCommit[];
  total?: number;
}) {
  if (commits.length === 0) {
    return <Typography variant="body2">No commits are waiting.</Typography>;
  }
  const more = (total ?? commits.length) - commits.length;
  return (
    <PlainList label="Commits to promote">
      {commits.map(commit => (
        <Box
          component="li"
          key={commit.sha}
          mb={0.5}
          display="flex"
          style={{ gap: 8 }}
        >
          <Typography
            variant="body2"
            component="code"
            style={{ fontFamily: 'monospace' }}
          >
            {commit.url ? (
              <Link to={commit.url}>{shortSha(commit.sha)}</Link>
            ) : (
              shortSha(commit.sha)
            )}
          </Typography>
          <Typography variant="body2" component="span">
            {commit.message.split('\n')[0]}
            {commit.author ? (
              <Typography
                variant="caption"
                color="textSecondary"
                component="span"
              >
                {' '}
                — {commit.author}
              </Typography>
            ) : null}
          </Typography>
        </Box>
      ))}
      {more > 0 ? (
        <Typography component="li" variant="caption" color="textSecondary">
          {`and ${more} more ${pluralForm(more, NOUNS.commit)}`}
        </Typography>
      ) : null}
    </PlainList>
  );
}
