import Accordion from '@material-ui/core/Accordion';
import AccordionDetails from '@material-ui/core/AccordionDetails';
import AccordionSummary from '@material-ui/core/AccordionSummary';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import ExpandMoreIcon from '@material-ui/icons/ExpandMore';
import { Link } from '@backstage/core-components';
import { useEntityRefLink } from '@backstage/plugin-catalog-react';
import type { EnvironmentStatus } from '@stageline/plugin-environments-common';
import { formatAge, formatMoney } from '../../lib/format';
import { formatCount, NOUNS } from '../../lib/plural';
import { StackStatus } from '../DeploymentSummary';
import { HealthLabel } from '../HealthStatus';

function previewCost(status: EnvironmentStatus): string {
  const { cost } = status;
  if (cost.status !== 'ok')
    return cost.status === 'error' ? 'failed' : 'not configured';
  return cost.estimate
    ? `${formatMoney(cost.estimate.monthly, cost.currency)} / month`
    : 'no estimate';
}

/** The preview environments of a component, collapsed into one row: pull request, age, state. */
export function PreviewList({ previews }: { previews: EnvironmentStatus[] }) {
  const entityLink = useEntityRefLink();
  if (previews.length === 0) return null;
  return (
    <Accordion variant="outlined" TransitionProps={{ unmountOnExit: true }}>
      <AccordionSummary
        expandIcon={<ExpandMoreIcon />}
        aria-controls="previews-content"
      >
        <Typography variant="subtitle2">
          {formatCount(previews.length, NOUNS.previewEnvironment)}
        </Typography>
      </AccordionSummary>
      <AccordionDetails id="previews-content">
        <Table size="small" aria-label="Preview environments">
          <TableHead>
            <TableRow>
              <TableCell>Pull request</TableCell>
              <TableCell>Age</TableCell>
              <TableCell>Deployment</TableCell>
              <TableCell>Health</TableCell>
              <TableCell>Cost</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {previews.map(preview => (
              <TableRow key={preview.entityRef}>
                <TableCell>
                  <Link to={entityLink(preview.entityRef)}>
                    {preview.pullRequest
                      ? `PR #${preview.pullRequest}`
                      : preview.title ?? preview.name}
                  </Link>
                  {preview.branch ? (
                    <Typography
                      variant="caption"
                      color="textSecondary"
                      display="block"
                    >
                      {preview.branch}
                    </Typography>
                  ) : null}
                </TableCell>
                <TableCell>
                  {preview.createdAt ? formatAge(preview.createdAt) : 'unknown'}
                </TableCell>
                <TableCell>
                  {preview.deployment.status === 'ok' ? (
                    <StackStatus status={preview.deployment.stackStatus} />
                  ) : (
                    preview.deployment.message ?? preview.deployment.status
                  )}
                </TableCell>
                <TableCell>
                  <HealthLabel state={preview.health.state} />
                </TableCell>
                <TableCell>{previewCost(preview)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </AccordionDetails>
    </Accordion>
  );
}
