import Box from '@material-ui/core/Box';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import {
  Link,
  StatusAborted,
  StatusError,
  StatusOK,
  StatusPending,
} from '@backstage/core-components';
import type {
  PromotionRecord,
  PromotionResult,
  PromotionStrategy,
} from '@stageline/plugin-environments-common';
import { usePromotionHistory } from '../../hooks/useEnvironmentsApi';
import { humanize } from '../../lib/format';
import { formatCount, NOUNS } from '../../lib/plural';
import { LoadState } from '../LoadState';
import { Moment } from '../Moment';

/**
 * Four columns that fit a half-width card at 1280 px: the short ones (when, from → to, by) keep
 * each line whole and take the width they need; the result takes the rest and wraps its message
 * between words. A narrower card scrolls the table sideways instead of breaking words.
 */
const useStyles = makeStyles(theme => ({
  scroller: { overflowX: 'auto' },
  header: { whiteSpace: 'nowrap' },
  compact: { whiteSpace: 'nowrap', verticalAlign: 'top' },
  result: {
    width: '100%',
    minWidth: theme.spacing(20),
    verticalAlign: 'top',
    overflowWrap: 'break-word',
  },
  line: { display: 'block', whiteSpace: 'nowrap' },
}));

function ResultLabel({ result }: { result: PromotionResult }) {
  const label = humanize(result);
  switch (result) {
    case 'succeeded':
      return <StatusOK>{label}</StatusOK>;
    case 'failed':
      return <StatusError>{label}</StatusError>;
    case 'blocked':
      return <StatusAborted>{label}</StatusAborted>;
    default:
      return <StatusPending>{label}</StatusPending>;
  }
}

/** What a promotion's link opens, by strategy. */
const LINK_LABELS: Record<PromotionStrategy, string> = {
  'pull-request': 'Open pull request',
  merge: 'Open pull request',
  'workflow-dispatch': 'Open workflow run',
};

function refName(ref: string): string {
  return ref.replace(/^[^:]*:(default\/)?/, '');
}

function HistoryRow({ record }: { record: PromotionRecord }) {
  const classes = useStyles();
  const notes = [
    ...record.gates.filter(g => g.status === 'failed').map(g => g.message),
    record.message,
  ].filter(Boolean);
  return (
    <TableRow>
      <TableCell className={classes.compact}>
        <Moment iso={record.createdAt} />
      </TableCell>
      <TableCell className={classes.compact}>
        <Typography variant="body2" component="span" className={classes.line}>
          {refName(record.sourceRef)} →
        </Typography>
        <Typography variant="body2" component="span" className={classes.line}>
          {refName(record.targetRef)}
        </Typography>
        <Typography
          variant="caption"
          color="textSecondary"
          className={classes.line}
        >
          {formatCount(record.commits.length, NOUNS.commit)}
        </Typography>
      </TableCell>
      <TableCell className={classes.compact}>
        <Typography variant="body2" component="span" className={classes.line}>
          {refName(record.actor)}
        </Typography>
        <Typography
          variant="caption"
          color="textSecondary"
          className={classes.line}
        >
          {humanize(record.strategy)}
        </Typography>
      </TableCell>
      <TableCell className={classes.result}>
        <ResultLabel result={record.result} />
        {record.link ? (
          <Typography variant="body2" display="block">
            <Link to={record.link}>{LINK_LABELS[record.strategy]}</Link>
          </Typography>
        ) : null}
        {notes.length > 0 ? (
          <Typography variant="caption" color="textSecondary" display="block">
            {notes.join('; ')}
          </Typography>
        ) : null}
      </TableCell>
    </TableRow>
  );
}

function HistoryTable({ records }: { records: PromotionRecord[] }) {
  const classes = useStyles();
  if (records.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        No promotions yet. Promote from the component page to start the history.
      </Typography>
    );
  }
  return (
    <Box className={classes.scroller}>
      <Table size="small" aria-label="Promotion history">
        <TableHead>
          <TableRow>
            <TableCell className={classes.header}>When</TableCell>
            <TableCell className={classes.header}>From → to</TableCell>
            <TableCell className={classes.header}>By · strategy</TableCell>
            <TableCell className={classes.header}>Result</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {records.map(record => (
            <HistoryRow key={record.id} record={record} />
          ))}
        </TableBody>
      </Table>
    </Box>
  );
}

/** An environment's promotions (into it or out of it), newest first. */
export function PromotionHistory({
  environmentRef,
}: {
  environmentRef: string;
}) {
  const state = usePromotionHistory(environmentRef);
  return (
    <LoadState state={state} what="the promotion history">
      {records => <HistoryTable records={records} />}
    </LoadState>
  );
}
