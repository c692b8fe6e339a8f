import Box from '@material-ui/core/Box';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { Link, StatusError, StatusOK } from '@backstage/core-components';
import type { DeploymentRecord } from '@stageline/plugin-environments-common';
import { useDeploymentHistory } from '../../hooks/useEnvironmentsApi';
import { humanize, shortSha } from '../../lib/format';
import { LoadState } from '../LoadState';
import { Moment } from '../Moment';

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

function what(record: DeploymentRecord, history: DeploymentRecord[]): string {
  if (record.action !== 'rollback') return humanize(record.action);
  if (!record.restores) return 'Rollback (continued)';
  const restored = history.find(r => r.id === record.restores);
  return restored
    ? `Rollback to ${
        restored.commit ? shortSha(restored.commit) : 'the deployment'
      } of ${new Date(restored.createdAt).toLocaleDateString()}`
    : 'Rollback';
}

function Row({
  record,
  history,
}: {
  record: DeploymentRecord;
  history: DeploymentRecord[];
}) {
  const classes = useStyles();
  return (
    <TableRow data-testid={`deployment-${record.id}`}>
      <TableCell className={classes.compact}>
        <Moment iso={record.createdAt} />
      </TableCell>
      <TableCell className={classes.compact}>
        <Typography variant="body2" component="span" className={classes.line}>
          {what(record, history)}
        </Typography>
        <Typography
          variant="caption"
          color="textSecondary"
          className={classes.line}
        >
          {record.commit ? `commit ${shortSha(record.commit)} · ` : ''}
          {record.mode} · {record.actor.replace(/^user:(default\/)?/, '')}
        </Typography>
      </TableCell>
      <TableCell className={classes.result}>
        {record.result === 'succeeded' ? (
          <StatusOK>{record.stackStatus ?? 'Succeeded'}</StatusOK>
        ) : (
          <StatusError>Failed</StatusError>
        )}
        {record.runUrl ? (
          <Typography variant="body2" display="block">
            <Link to={record.runUrl}>Open workflow run</Link>
          </Typography>
        ) : null}
        <Typography variant="caption" color="textSecondary" display="block">
          {record.message}
        </Typography>
      </TableCell>
    </TableRow>
  );
}

/**
 * An environment's deploys, rollbacks and destroys made through Stageline (newest first): when,
 * what (a rollback names what it restored), the commit, the mode and who, and how it ended.
 */
export function DeploymentHistory({
  environmentRef,
}: {
  environmentRef: string;
}) {
  const classes = useStyles();
  const state = useDeploymentHistory(environmentRef);
  return (
    <LoadState state={state} what="the deployment history">
      {records =>
        records.length === 0 ? (
          <Typography variant="body2" color="textSecondary">
            No deployments through Stageline yet: deploys, rollbacks and
            destroys from the scaffolder show here.
          </Typography>
        ) : (
          <Box className={classes.scroller}>
            <Table size="small" aria-label="Deployment history">
              <TableHead>
                <TableRow>
                  <TableCell className={classes.header}>When</TableCell>
                  <TableCell className={classes.header}>What</TableCell>
                  <TableCell className={classes.header}>Result</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {records.map(record => (
                  <Row key={record.id} record={record} history={records} />
                ))}
              </TableBody>
            </Table>
          </Box>
        )
      }
    </LoadState>
  );
}
