import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { Link } from '@backstage/core-components';
import { useEntityRefLink } from '@backstage/plugin-catalog-react';
import type { EnvironmentStatus } from '@stageline/plugin-environments-common';
import { formatAge, formatMoney, shortSha } from '../../lib/format';
import {
  describePreviewCleanup,
  formatCostSoFar,
} from '../../lib/previewCleanup';
import { DestroyPreviewButton } from '../DestroyPreviewButton';
import { describeScheduleState } from '../../lib/scheduleTimes';
import { formatCount, NOUNS } from '../../lib/plural';
import { budgetColor } from '../CostBar';
import { HealthLabel } from '../HealthStatus';

const useStyles = makeStyles(theme => ({
  cell: { display: 'flex', flexDirection: 'column', gap: 2, minWidth: 170 },
  line: { lineHeight: 1.4 },
  within: { color: budgetColor(theme, 'within') },
  near: { color: budgetColor(theme, 'near') },
  over: { color: budgetColor(theme, 'over') },
  unknown: { color: theme.palette.text.secondary },
}));

function deploymentText(status: EnvironmentStatus): string {
  const { deployment } = status;
  if (deployment.status === 'unconfigured') return 'Deployment not configured';
  if (deployment.status === 'error') return 'Deployment status failed';
  let version: string | undefined;
  if (deployment.version) version = `v${deployment.version.replace(/^v/, '')}`;
  else if (deployment.commit) version = shortSha(deployment.commit);
  const state = deployment.stackStatus
    ?.replace(/_/g, ' ')
    .toLocaleLowerCase('en-GB');
  return [version, state].filter(Boolean).join(' · ') || 'Not deployed';
}

function CostText({ status }: { status: EnvironmentStatus }) {
  const classes = useStyles();
  const { cost } = status;
  if (cost.status !== 'ok') {
    return (
      <Typography
        variant="caption"
        color="textSecondary"
        className={classes.line}
      >
        {cost.status === 'error'
          ? 'Cost estimate failed'
          : 'Cost not configured'}
      </Typography>
    );
  }
  const currency = cost.budget?.currency ?? cost.currency;
  const estimate = cost.estimate
    ? formatMoney(cost.estimate.monthly, currency)
    : 'no estimate';
  const budget = cost.budget
    ? ` / ${formatMoney(cost.budget.monthly, currency)}`
    : ' (no budget)';
  return (
    <Typography
      variant="caption"
      className={`${classes.line} ${classes[cost.budgetState]}`}
    >
      {estimate}
      {budget} a month
    </Typography>
  );
}

/** A preview's pull request author, age, cleanup and cost so far, and its "Destroy now". */
function PreviewFacts({
  status,
  onChanged,
}: {
  status: EnvironmentStatus;
  onChanged?: () => void;
}) {
  const classes = useStyles();
  const preview = status.preview;
  if (!preview) return null;
  const opened = preview.pullRequest.openedAt ?? status.createdAt;
  const soFar = formatCostSoFar(preview);
  return (
    <>
      <Typography variant="caption" className={classes.line}>
        {preview.pullRequest.url ? (
          <Link to={preview.pullRequest.url}>Pull request</Link>
        ) : (
          'Pull request'
        )}
        {preview.pullRequest.author ? ` by ${preview.pullRequest.author}` : ''}
        {opened ? `, opened ${formatAge(opened)}` : ''}
      </Typography>
      <Typography
        variant="caption"
        color="textSecondary"
        className={classes.line}
      >
        {describePreviewCleanup(preview)}
      </Typography>
      {soFar ? (
        <Typography
          variant="caption"
          className={classes.line}
          title={preview.costSoFar?.basis}
        >
          {soFar}
        </Typography>
      ) : null}
      <Box>
        <DestroyPreviewButton preview={status} onRequested={onChanged} />
      </Box>
    </>
  );
}

/**
 * One environment in the overview table: health, deployment, commits waiting, cost vs budget;
 * for a preview also its pull request, author, age, cleanup, cost so far and "Destroy now".
 */
export function EnvironmentCell({
  status,
  onChanged,
}: {
  status: EnvironmentStatus;
  onChanged?: () => void;
}) {
  const classes = useStyles();
  const entityLink = useEntityRefLink();
  const ahead =
    status.promotion.status === 'ok'
      ? status.promotion.commitsAhead
      : undefined;
  const waiting = ahead ? `${formatCount(ahead, NOUNS.commit)} waiting` : '';
  return (
    <Box className={classes.cell}>
      <Link
        to={entityLink(status.entityRef)}
        aria-label={`${status.title ?? status.name}`}
      >
        <Typography variant="body2" component="span">
          {status.stage === 'preview' && status.pullRequest
            ? `PR #${status.pullRequest}`
            : `${status.scale} scale`}
        </Typography>
      </Link>
      <HealthLabel state={status.health.state} />
      <Typography
        variant="caption"
        color="textSecondary"
        className={classes.line}
      >
        {deploymentText(status)}
      </Typography>
      {ahead ? (
        <Typography variant="caption" className={classes.line}>
          {status.promotion.compareUrl ? (
            <Link to={status.promotion.compareUrl}>{waiting}</Link>
          ) : (
            waiting
          )}
        </Typography>
      ) : null}
      {status.schedule ? (
        <Typography variant="caption" className={classes.line}>
          {describeScheduleState(status.schedule)}
        </Typography>
      ) : null}
      <CostText status={status} />
      <PreviewFacts status={status} onChanged={onChanged} />
    </Box>
  );
}
