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

const useStyles = makeStyles({
  scroller: { overflowX: 'auto' },
  // Values and paths never break inside a word: a path may wrap after a slash, and a table too
  // wide for the card scrolls sideways.
  value: {
    fontFamily: 'monospace',
    whiteSpace: 'nowrap',
    verticalAlign: 'top',
  },
  path: { fontFamily: 'monospace', verticalAlign: 'top' },
  header: { whiteSpace: 'nowrap' },
  top: { verticalAlign: 'top' },
});

/** `/Properties/MemorySize` with a line-break opportunity after each slash. */
function PropertyPath({ path }: { path: string }) {
  const parts = path.split('/');
  return (
    <>
      {parts.map((part, index) => (
        // eslint-disable-next-line react/no-array-index-key
        <span key={index}>
          {part}
          {index < parts.length - 1 ? (
            <>
              /<wbr />
            </>
          ) : null}
        </span>
      ))}
    </>
  );
}

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
          <TableCell className={classes.path}>
            <PropertyPath path={difference.propertyPath} />
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
      <Typography variant="body2">{drift.message}</Typography>
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
                <TableCell className={classes.header}>Resource</TableCell>
                <TableCell className={classes.header}>Property</TableCell>
                <TableCell className={classes.header}>Template</TableCell>
                <TableCell className={classes.header}>In AWS</TableCell>
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
