import Box from '@material-ui/core/Box';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { Link } from '@backstage/core-components';
import type { DeploymentSection } from '@stageline/plugin-environments-common';
import { Moment } from '../Moment';
import { DeploymentSummary, StackStatus } from '../DeploymentSummary';
import { DriftDetails } from '../StackDrift';

/** How many stack events to show. */
const LATEST_EVENTS = 8;

function isUrl(value: string): boolean {
  return /^https?:\/\//.test(value);
}

/** The stack behind an environment: state, outputs and its latest events. */
export function StackDetails({
  deployment,
}: {
  deployment: DeploymentSection;
}) {
  const outputs = Object.entries(deployment.outputs ?? {});
  const events = (deployment.events ?? []).slice(0, LATEST_EVENTS);
  return (
    <Box>
      <DeploymentSummary deployment={deployment} />
      {deployment.status === 'ok' ? (
        <>
          {deployment.drift ? (
            <>
              <Typography variant="subtitle2" style={{ marginTop: 12 }}>
                Drift
              </Typography>
              <DriftDetails drift={deployment.drift} />
            </>
          ) : null}
          <Typography variant="subtitle2" style={{ marginTop: 12 }}>
            Outputs
          </Typography>
          {outputs.length === 0 ? (
            <Typography variant="body2" color="textSecondary">
              The stack has no outputs.
            </Typography>
          ) : (
            <Table size="small" aria-label="Stack outputs">
              <TableBody>
                {outputs.map(([key, value]) => (
                  <TableRow key={key}>
                    <TableCell component="th" scope="row">
                      {key}
                    </TableCell>
                    <TableCell>
                      {isUrl(value) ? <Link to={value}>{value}</Link> : value}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
          <Typography variant="subtitle2" style={{ marginTop: 12 }}>
            Latest stack events
          </Typography>
          {events.length === 0 ? (
            <Typography variant="body2" color="textSecondary">
              No stack events reported.
            </Typography>
          ) : (
            <Table size="small" aria-label="Stack events">
              <TableHead>
                <TableRow>
                  <TableCell>Time</TableCell>
                  <TableCell>Resource</TableCell>
                  <TableCell>Status</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {events.map(event => (
                  <TableRow
                    key={`${event.timestamp}-${event.logicalResourceId}-${event.resourceStatus}`}
                  >
                    <TableCell style={{ verticalAlign: 'top' }}>
                      <Moment iso={event.timestamp} />
                    </TableCell>
                    <TableCell>
                      {event.logicalResourceId}
                      <Typography
                        variant="caption"
                        color="textSecondary"
                        display="block"
                      >
                        {event.resourceType}
                      </Typography>
                    </TableCell>
                    <TableCell>
                      <StackStatus status={event.resourceStatus} />
                      {event.reason ? (
                        <Typography
                          variant="caption"
                          color="textSecondary"
                          display="block"
                        >
                          {event.reason}
                        </Typography>
                      ) : null}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </>
      ) : null}
    </Box>
  );
}
