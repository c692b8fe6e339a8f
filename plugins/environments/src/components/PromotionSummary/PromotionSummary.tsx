import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { Link } from '@backstage/core-components';
import type { PromotionSection } from '@stageline/plugin-environments-common';
import { SectionState } from '../SectionState';
import { formatCount, NOUNS } from '../../lib/plural';
import { shortSha } from '../../lib/format';

function PullRequestLink({
  pr,
}: {
  pr: NonNullable<PromotionSection['pullRequest']>;
}) {
  const notes = [
    pr.state,
    pr.approved ? 'approved' : undefined,
    pr.mergeable === false ? 'not mergeable' : undefined,
  ].filter(Boolean);
  return (
    <Typography variant="body2">
      <Link to={pr.url}>Pull request #{pr.number}</Link>{' '}
      <Typography variant="caption" color="textSecondary" component="span">
        ({notes.join(', ')})
      </Typography>
    </Typography>
  );
}

/** What the two environments run, compared: `Production runs a1b2c3d, 3 commits behind`. */
function DeployedComparison({
  deployed,
  targetLabel,
}: {
  deployed: NonNullable<PromotionSection['deployed']>;
  targetLabel: string;
}) {
  const target = shortSha(deployed.targetCommit);
  let text: string;
  if (deployed.status === 'identical') {
    text = `${targetLabel} runs ${target}, the same commit`;
  } else if (deployed.commitsAhead > 0 && deployed.commitsBehind === 0) {
    text = `${targetLabel} runs ${target}, ${formatCount(
      deployed.commitsAhead,
      NOUNS.commit,
    )} behind ${shortSha(deployed.sourceCommit)}`;
  } else {
    text = `${targetLabel} runs ${target}; this runs ${shortSha(
      deployed.sourceCommit,
    )} (${deployed.status})`;
  }
  return (
    <Typography variant="caption" color="textSecondary" display="block">
      {deployed.compareUrl ? (
        <Link to={deployed.compareUrl}>{text}</Link>
      ) : (
        text
      )}
    </Typography>
  );
}

/**
 * What waits to be promoted to the next stage: commits ahead (to the compare view), the pull
 * request, what the two environments' stacks run, and the source when it is not GitHub (e.g. a
 * local repository).
 */
export function PromotionSummary(props: {
  promotion: PromotionSection;
  /** Display name of the target environment, e.g. "production". */
  targetLabel: string;
}) {
  const { promotion, targetLabel } = props;
  const ahead = promotion.commitsAhead ?? promotion.commits?.length;
  let waiting = `Commits waiting for ${targetLabel}: unknown`;
  if (ahead === 0) waiting = `Nothing waiting — ${targetLabel} is up to date`;
  else if (ahead !== undefined)
    waiting = `${formatCount(ahead, NOUNS.commit)} waiting for ${targetLabel}`;
  return (
    <SectionState section={promotion} what="Promotion check">
      <Box>
        <Typography variant="body2">
          {promotion.compareUrl && ahead ? (
            <Link to={promotion.compareUrl}>{waiting}</Link>
          ) : (
            waiting
          )}
        </Typography>
        {promotion.pullRequest ? (
          <PullRequestLink pr={promotion.pullRequest} />
        ) : null}
        {promotion.sourceControl ? (
          <Typography
            variant="caption"
            color="textSecondary"
            component="p"
            style={{ overflowWrap: 'anywhere' }}
          >
            Source: {promotion.sourceControl}
          </Typography>
        ) : null}
        {promotion.deployed ? (
          <DeployedComparison
            deployed={promotion.deployed}
            targetLabel={targetLabel}
          />
        ) : null}
      </Box>
    </SectionState>
  );
}
