import Box from '@material-ui/core/Box';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import type {
  DriftedResource,
  StackDriftReport,
} from '@stageline/plugin-environments-common';
import { formatAge, formatFullDateTime } from '../../lib/format';
import { DriftBadge } from './DriftBadge';

const useStyles = makeStyles({
  scroller: { overflowX: 'auto' },
  value: { fontFamily: 'monospace', wordBreak: 'break-word' },
  top: { verticalAlign: 'top' },
});

function ResourceRows({ resource }: { resource: DriftedResource }) {
  const classes = useStyles();
  const name = (
    <>
      {resource.logicalResourceId}
      <Typography variant="caption" color="textSecondary" display="block">
        {resource.resourceType}
      </Typography>
    </>
  );
  if (resource.status === 'DELETED' || resource.differences.length === 0) {
    return (
      <TableRow>
        <TableCell className={classes.top}>{name}</TableCell>
        <TableCell colSpan={3}>
          {resource.status === 'DELETED'
            ? 'Deleted outside CloudFormation'
            : 'Modified'}
        </TableCell>
      </TableRow>
    );
  }
  return (
    <>
      {resource.differences.map((difference, index) => (
        <TableRow
          key={`${difference.propertyPath}-${difference.differenceType}`}
        >
          {index === 0 ? (
            <TableCell
              className={classes.top}
              rowSpan={resource.differences.length}
            >
              {name}
            </TableCell>
          ) : null}
          <TableCell className={classes.value}>
            {difference.propertyPath}
          </TableCell>
          <TableCell className={classes.value}>
            {difference.expectedValue}
          </TableCell>
          <TableCell className={classes.value}>
            {difference.actualValue}
          </TableCell>
        </TableRow>
      ))}
    </>
  );
}

/**
 * The stack's drift on the environment page: the last detection's result and when it ran, and
 * each drifted resource with its differences (property, what the template says, what is there).
 */
export function DriftDetails({ drift }: { drift?: StackDriftReport }) {
  const classes = useStyles();
  if (!drift) return null;
  return (
    <Box>
      <Box display="flex" alignItems="center" style={{ gap: 8 }}>
        <Typography variant="body2">{drift.message}</Typography>
        <DriftBadge drift={drift} />
      </Box>
      {drift.checkedAt ? (
        <Typography
          variant="caption"
          color="textSecondary"
          display="block"
          title={formatFullDateTime(drift.checkedAt)}
        >
          Drift detection ran {formatAge(drift.checkedAt)}
        </Typography>
      ) : null}
      {drift.driftedResources.length > 0 ? (
        <Box className={classes.scroller} mt={1}>
          <Table size="small" aria-label="Drifted resources">
            <TableHead>
              <TableRow>
                <TableCell>Resource</TableCell>
                <TableCell>Property</TableCell>
                <TableCell>Template</TableCell>
                <TableCell>In AWS</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {drift.driftedResources.map(resource => (
                <ResourceRows
                  key={resource.logicalResourceId}
                  resource={resource}
                />
              ))}
            </TableBody>
          </Table>
        </Box>
      ) : null}
    </Box>
  );
}
