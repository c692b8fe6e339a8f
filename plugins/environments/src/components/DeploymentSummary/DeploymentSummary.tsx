import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { Link } from '@backstage/core-components';
import type { DeploymentSection } from '@stageline/plugin-environments-common';
import { formatAge, shortSha } from '../../lib/format';
import { SectionState } from '../SectionState';
import { DriftBadge } from '../StackDrift';
import { StackStatus } from './StackStatus';

/**
 * What is deployed: stack state, the deployed version and commit (the stack's
 * `stageline.dev/commit` tag) and when, and its drift as a badge.
 */
export function DeploymentSummary({
  deployment,
}: {
  deployment: DeploymentSection;
}) {
  const version = [
    deployment.commit
      ? `Deployed commit ${shortSha(deployment.commit)}`
      : undefined,
    deployment.version ? `v${deployment.version.replace(/^v/, '')}` : undefined,
  ]
    .filter(Boolean)
    .join(' · ');
  return (
    <SectionState section={deployment} what="Deployment status">
      <Box>
        <Box
          display="flex"
          alignItems="center"
          flexWrap="wrap"
          style={{ gap: 8 }}
        >
          <StackStatus status={deployment.stackStatus} />
          <DriftBadge drift={deployment.drift} />
        </Box>
        <Typography variant="body2" title={deployment.commit}>
          {version || 'Version unknown'}
          {deployment.lastUpdated
            ? `, ${formatAge(deployment.lastUpdated)}`
            : ''}
        </Typography>
        {deployment.stackName ? (
          <Typography variant="caption" color="textSecondary">
            {deployment.consoleUrl ? (
              <Link to={deployment.consoleUrl}>{deployment.stackName}</Link>
            ) : (
              deployment.stackName
            )}
            {deployment.region ? ` in ${deployment.region}` : ''}
          </Typography>
        ) : null}
      </Box>
    </SectionState>
  );
}
