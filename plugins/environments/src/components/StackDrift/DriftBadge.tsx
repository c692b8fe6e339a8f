import Chip from '@material-ui/core/Chip';
import Tooltip from '@material-ui/core/Tooltip';
import { makeStyles } from '@material-ui/core/styles';
import type { StackDriftReport } from '@stageline/plugin-environments-common';
import { formatCount, NOUNS } from '../../lib/plural';

const useStyles = makeStyles(theme => ({
  drifted: {
    borderColor: theme.palette.error.main,
    color: theme.palette.error.main,
  },
  inSync: {
    borderColor: theme.palette.success.main,
    color: theme.palette.success.main,
  },
}));

/**
 * The stack's drift at a glance, for the environment cards: red when resources drifted, green in
 * sync, grey when the last detection failed; nothing before the first detection. The tooltip
 * says which resources.
 */
export function DriftBadge({ drift }: { drift?: StackDriftReport }) {
  const classes = useStyles();
  if (!drift || drift.status === 'NOT_CHECKED') return null;
  const count = drift.driftedResources.length;
  let label = 'Drift unknown';
  let className: string | undefined;
  if (drift.status === 'DRIFTED') {
    label = `Drifted: ${formatCount(count, NOUNS.resource)}`;
    className = classes.drifted;
  } else if (drift.status === 'IN_SYNC') {
    label = 'No drift';
    className = classes.inSync;
  }
  return (
    <Tooltip title={drift.message}>
      <Chip
        size="small"
        variant="outlined"
        label={label}
        className={className}
        aria-label={`Stack drift: ${drift.message}`}
      />
    </Tooltip>
  );
}
