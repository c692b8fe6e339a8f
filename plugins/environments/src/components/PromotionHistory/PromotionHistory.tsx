import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
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
} from '@stageline/plugin-environments-common';
import { usePromotionHistory } from '../../hooks/useEnvironmentsApi';
import { formatTimestamp, humanize } from '../../lib/format';
import { LoadState } from '../LoadState';

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

function refName(ref: string): string {
  return ref.replace(/^[^:]*:(default\/)?/, '');
}

function HistoryTable({ records }: { records: PromotionRecord[] }) {
  if (records.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        No promotions yet. Promote from the component page to start the history.
      </Typography>
    );
  }
  return (
    <Table size="small" aria-label="Promotion history">
      <TableHead>
        <TableRow>
          <TableCell>When</TableCell>
          <TableCell>From → to</TableCell>
          <TableCell>Who</TableCell>
          <TableCell>Strategy</TableCell>
          <TableCell>Commits</TableCell>
          <TableCell>Result</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {records.map(record => {
          const failed = record.gates.filter(g => g.status === 'failed');
          return (
            <TableRow key={record.id}>
              <TableCell style={{ whiteSpace: 'nowrap' }}>
                {formatTimestamp(record.createdAt)}
              </TableCell>
              <TableCell>
                {refName(record.sourceRef)} → {refName(record.targetRef)}
              </TableCell>
              <TableCell>{refName(record.actor)}</TableCell>
              <TableCell>{humanize(record.strategy)}</TableCell>
              <TableCell>{record.commits.length}</TableCell>
              <TableCell>
                <ResultLabel result={record.result} />
                {record.link ? (
                  <>
                    {' '}
                    <Link to={record.link}>link</Link>
                  </>
                ) : null}
                {failed.length > 0 || record.message ? (
                  <Typography
                    variant="caption"
                    color="textSecondary"
                    display="block"
                  >
                    {[...failed.map(g => g.message), record.message]
                      .filter(Boolean)
                      .join('; ')}
                  </Typography>
                ) : null}
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
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
