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

function previewCost(status: EnvironmentStatus): string {
  const { cost } = status;
  if (cost.status !== 'ok')
    return cost.status === 'error' ? 'failed' : 'not configured';
  const soFar = status.preview && formatCostSoFar(status.preview);
  const monthly = cost.estimate
    ? `${formatMoney(cost.estimate.monthly, cost.currency)} / month`
    : 'no estimate';
  return soFar ? `${soFar} (${monthly})` : monthly;
}

function Caption({ children }: { children: ReactNode }) {
  return (
    <Typography variant="caption" color="textSecondary" display="block">
      {children}
    </Typography>
  );
}

/** Props of {@link PreviewList}. */
export interface PreviewListProps {
  previews: EnvironmentStatus[];
  /** Called after a preview's destroy was requested, to load the statuses again. */
  onChanged?: () => void;
}

/**
 * The preview environments of a component, collapsed into one row: pull request and author,
 * age, time left before the cleanup destroys it (or where its cleanup stands), deployment,
 * health, cost so far, and "Destroy now" for users allowed to destroy it.
 */
export function PreviewList({ previews, onChanged }: PreviewListProps) {
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
              <TableCell>Author</TableCell>
              <TableCell>Age</TableCell>
              <TableCell>Cleanup</TableCell>
              <TableCell>Deployment</TableCell>
              <TableCell>Health</TableCell>
              <TableCell>Cost</TableCell>
              <TableCell>
                <Typography variant="srOnly">Actions</Typography>
              </TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {previews.map(preview => {
              const lifecycle = preview.preview;
              const opened = lifecycle?.pullRequest.openedAt ?? preview.createdAt;
              return (
                <TableRow key={preview.entityRef}>
                  <TableCell>
                    <Link to={entityLink(preview.entityRef)}>
                      {preview.pullRequest
                        ? `PR #${preview.pullRequest}`
                        : preview.title ?? preview.name}
                    </Link>
                    {preview.branch ? <Caption>{preview.branch}</Caption> : null}
                    {lifecycle?.pullRequest.url ? (
                      <Caption>
                        <Link to={lifecycle.pullRequest.url}>
                          Pull request on GitHub
                        </Link>
                      </Caption>
                    ) : null}
                  </TableCell>
                  <TableCell>{lifecycle?.pullRequest.author ?? 'unknown'}</TableCell>
                  <TableCell>{opened ? formatAge(opened) : 'unknown'}</TableCell>
                  <TableCell>
                    {lifecycle ? describePreviewCleanup(lifecycle) : 'unknown'}
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
                  <TableCell title={lifecycle?.costSoFar?.basis}>
                    {previewCost(preview)}
                  </TableCell>
                  <TableCell>
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
