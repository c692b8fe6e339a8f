import type { ReactNode } from 'react';
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
import { makeStyles } from '@material-ui/core/styles';
import { Link } from '@backstage/core-components';
import { useEntityRefLink } from '@backstage/plugin-catalog-react';
import type { EnvironmentStatus } from '@stageline/plugin-environments-common';
import { formatAge, formatMoney } from '../../lib/format';
import { formatCount, NOUNS } from '../../lib/plural';
import {
  describePreviewCleanup,
  formatCostSoFar,
} from '../../lib/previewCleanup';
import { StackStatus } from '../DeploymentSummary';
import { DestroyPreviewButton } from '../DestroyPreviewButton';
import { HealthLabel } from '../HealthStatus';

/** The deployment in a few words; the provider's full message on hover. */
function deploymentText(status: EnvironmentStatus): string {
  const { deployment } = status;
  if (deployment.status === 'unconfigured') return 'Not configured';
  if (deployment.status === 'error') return 'Status failed';
  return deployment.stackStatus ? '' : 'Not deployed';
}

function Caption({ children }: { children: ReactNode }) {
  return (
    <Typography variant="caption" color="textSecondary" display="block">
      {children}
    </Typography>
  );
}

const useStyles = makeStyles({
  header: { whiteSpace: 'nowrap' },
  cell: { verticalAlign: 'top', wordBreak: 'normal', overflowWrap: 'normal' },
});

/** Props of {@link PreviewList}. */
export interface PreviewListProps {
  previews: EnvironmentStatus[];
  /** Called after a preview's destroy was requested, to load the statuses again. */
  onChanged?: () => void;
}

/**
 * The preview environments of a component, collapsed into one row: pull request with its
 * branch, author, age and page on GitHub; time left before the cleanup destroys it (or where its
 * cleanup stands); deployment and health; cost so far over the monthly estimate; and
 * "Destroy now" for users allowed to destroy it.
 */
export function PreviewList({ previews, onChanged }: PreviewListProps) {
  const classes = useStyles();
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
              {['Pull request', 'Cleanup', 'Deployment', 'Cost'].map(name => (
                <TableCell key={name} className={classes.header}>
                  {name}
                </TableCell>
              ))}
              <TableCell aria-label="Actions" />
            </TableRow>
          </TableHead>
          <TableBody>
            {previews.map(preview => {
              const lifecycle = preview.preview;
              const opened =
                lifecycle?.pullRequest.openedAt ?? preview.createdAt;
              const author = lifecycle?.pullRequest.author;
              const cost = preview.cost;
              const soFar = lifecycle && formatCostSoFar(lifecycle);
              return (
                <TableRow key={preview.entityRef}>
                  <TableCell className={classes.cell}>
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
                        className={classes.header}
                      >
                        {preview.branch}
                      </Typography>
                    ) : null}
                    <Caption>
                      {[
                        author ? `by ${author}` : undefined,
                        opened ? `opened ${formatAge(opened)}` : undefined,
                      ]
                        .filter(Boolean)
                        .join(', ')}
                    </Caption>
                    {lifecycle?.pullRequest.url ? (
                      <Caption>
                        <Link to={lifecycle.pullRequest.url}>
                          Pull request on GitHub
                        </Link>
                      </Caption>
                    ) : null}
                  </TableCell>
                  <TableCell className={classes.cell}>
                    {lifecycle ? describePreviewCleanup(lifecycle) : 'unknown'}
                  </TableCell>
                  <TableCell
                    className={classes.cell}
                    title={preview.deployment.message}
                  >
                    {preview.deployment.status === 'ok' &&
                    preview.deployment.stackStatus ? (
                      <StackStatus status={preview.deployment.stackStatus} />
                    ) : (
                      deploymentText(preview)
                    )}
                    <HealthLabel state={preview.health.state} />
                  </TableCell>
                  <TableCell
                    className={classes.cell}
                    title={lifecycle?.costSoFar?.basis}
                  >
                    <Typography variant="body2" className={classes.header}>
                      {cost.status !== 'ok'
                        ? `Estimate ${
                            cost.status === 'error'
                              ? 'failed'
                              : 'not configured'
                          }`
                        : soFar ?? 'no estimate'}
                    </Typography>
                    {cost.status === 'ok' && cost.estimate ? (
                      <Caption>
                        {formatMoney(cost.estimate.monthly, cost.currency)} a
                        month
                      </Caption>
                    ) : null}
                  </TableCell>
                  <TableCell className={classes.cell}>
                    <DestroyPreviewButton
                      preview={preview}
                      onRequested={onChanged}
                    />
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      </AccordionDetails>
    </Accordion>
  );
}
