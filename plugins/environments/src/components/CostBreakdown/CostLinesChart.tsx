import Box from '@material-ui/core/Box';
import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import type { CostLine } from '@stageline/plugin-environments-common';
import { formatMoney } from '../../lib/format';
import { formatCount, NOUNS } from '../../lib/plural';

const useStyles = makeStyles(theme => ({
  row: {
    display: 'grid',
    gridTemplateColumns: 'minmax(120px, 30%) 1fr 80px',
    alignItems: 'center',
    gap: theme.spacing(1.5),
    padding: theme.spacing(0.5, 0),
  },
  name: { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  track: {
    height: 14,
    borderRadius: 3,
    backgroundColor: theme.palette.action.hover,
  },
  bar: {
    height: '100%',
    minWidth: 2,
    borderRadius: 3,
    backgroundColor: theme.palette.primary.main,
  },
  amount: { textAlign: 'right', fontVariantNumeric: 'tabular-nums' },
}));

/** Lines cheaper than this are summed up in one sentence instead of drawn. */
const MIN_SHOWN = 0.01;

/**
 * The lines of a cost estimate as a horizontal bar chart, largest first; each bar's tooltip
 * says how the line was worked out.
 */
export function CostLinesChart({
  lines,
  currency,
}: {
  lines: CostLine[];
  currency: string;
}) {
  const classes = useStyles();
  if (lines.length === 0) {
    return (
      <Typography variant="body2">
        The estimate has no priced resources.
      </Typography>
    );
  }
  const sorted = [...lines].sort((a, b) => b.monthly - a.monthly);
  const priced = sorted.filter(line => line.monthly >= MIN_SHOWN);
  const free = sorted.filter(line => line.monthly < MIN_SHOWN);
  const max = Math.max(...priced.map(l => l.monthly), Number.EPSILON);
  const freeTypes = [...new Set(free.map(line => line.type))];
  return (
    <Box>
      <Box role="list" aria-label="Cost by resource">
        {priced.map(line => (
          <Box role="listitem" key={line.logicalId} className={classes.row}>
            <Box className={classes.name}>
              <Typography variant="body2" noWrap title={line.logicalId}>
                {line.logicalId}
              </Typography>
              <Typography
                variant="caption"
                color="textSecondary"
                noWrap
                display="block"
              >
                {line.type}
              </Typography>
            </Box>
            <Tooltip title={line.basis}>
              <Box className={classes.track}>
                <Box
                  className={classes.bar}
                  style={{ width: `${(line.monthly / max) * 100}%` }}
                />
              </Box>
            </Tooltip>
            <Typography variant="body2" className={classes.amount}>
              {formatMoney(line.monthly, currency)}
            </Typography>
          </Box>
        ))}
      </Box>
      {free.length > 0 ? (
        <Typography
          variant="caption"
          color="textSecondary"
          display="block"
          title={free.map(l => l.logicalId).join(', ')}
        >
          {priced.length > 0 ? 'And ' : ''}
          {formatCount(free.length, NOUNS.resource)} under{' '}
          {formatMoney(MIN_SHOWN, currency)} a month: {freeTypes.join(', ')}
        </Typography>
      ) : null}
    </Box>
  );
}
