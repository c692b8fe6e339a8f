import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { Link } from '@backstage/core-components';
import type { DeploymentSection } from '@stageline/plugin-environments-common';
import { formatAge, shortSha } from '../../lib/format';
import { SectionState } from '../SectionState';
import { StackStatus } from './StackStatus';

/** What is deployed: stack state, version and commit, and when. */
export function DeploymentSummary({
  deployment,
}: {
  deployment: DeploymentSection;
}) {
  const version = [
    deployment.version ? `v${deployment.version.replace(/^v/, '')}` : undefined,
    deployment.commit ? shortSha(deployment.commit) : undefined,
  ]
    .filter(Boolean)
    .join(' · ');
  return (
    <SectionState section={deployment} what="Deployment status">
      <Box>
        <StackStatus status={deployment.stackStatus} />
        <Typography variant="body2">
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
