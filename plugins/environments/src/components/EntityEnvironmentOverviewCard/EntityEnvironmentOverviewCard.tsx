import type { ReactNode } from 'react';
import Box from '@material-ui/core/Box';
import Divider from '@material-ui/core/Divider';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import { InfoCard } from '@backstage/core-components';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import { isEnvironmentEntity } from '@stageline/plugin-environments-common';
import { useEnvironmentStatus } from '../../hooks/useEnvironmentsApi';
import { humanize } from '../../lib/format';
import { CostBreakdown } from '../CostBreakdown';
import { HealthStatus } from '../HealthStatus';
import { LoadState } from '../LoadState';
import { DeploymentHistory } from '../DeploymentHistory';
import { PromotionHistory } from '../PromotionHistory';
import { RollbackButton } from '../RollbackDialog';
import { StackDetails } from '../StackDetails';
import { EnvironmentFacts } from './EnvironmentFacts';

function Heading({ children }: { children: ReactNode }) {
  return (
    <Typography variant="subtitle1" component="h3" gutterBottom>
      {children}
    </Typography>
  );
}

/**
 * Props of {@link EntityEnvironmentOverviewCard}.
 *
 * @public
 */
export interface EntityEnvironmentOverviewCardProps {
  /** Card title. @defaultValue "Environment" */
  title?: string;
  /**
   * The template the Rollback button starts.
   * @defaultValue `template:default/rollback-environment`
   */
  rollbackTemplateRef?: string;
  /** Where the scaffolder shows a task. @defaultValue `/create/tasks` */
  taskPath?: string;
}

/**
 * The page of one Environment entity: its definition, stack status, drift, outputs and events,
 * cost by resource with what-if scales, its deployment and promotion histories, and — for users
 * allowed to deploy it — a Rollback button.
 *
 * @public
 */
export function EntityEnvironmentOverviewCard({
  title = 'Environment',
  rollbackTemplateRef,
  taskPath,
}: EntityEnvironmentOverviewCardProps) {
  const { entity } = useEntity();
  const entityRef = stringifyEntityRef(entity);
  const state = useEnvironmentStatus(entityRef);
  if (!isEnvironmentEntity(entity)) {
    return (
      <InfoCard title={title}>
        <Alert severity="info">
          {entityRef} is not an Environment entity (apiVersion
          stageline.dev/v1alpha1, kind Environment), so it has no environment
          overview.
        </Alert>
      </InfoCard>
    );
  }
  return (
    <InfoCard
      title={title}
      subheader={`${humanize(entity.spec.type)} at ${entity.spec.scale} scale`}
      action={
        <RollbackButton
          environmentRef={entityRef}
          templateRef={rollbackTemplateRef}
          taskPath={taskPath}
        />
      }
    >
      <Grid container spacing={3}>
        <Grid item xs={12} md={5}>
          <Heading>Definition</Heading>
          <EnvironmentFacts entity={entity} />
        </Grid>
        <Grid item xs={12} md={7}>
          <LoadState
            state={state}
            what="the status of this environment from the environments backend"
          >
            {status => (
              <>
                <Heading>Health</Heading>
                <HealthStatus health={status.health} />
                <Box mt={2}>
                  <Heading>Stack</Heading>
                  <StackDetails deployment={status.deployment} />
                </Box>
              </>
            )}
          </LoadState>
        </Grid>
        {state.value ? (
          <>
            <Grid item xs={12}>
              <Divider />
            </Grid>
            <Grid item xs={12}>
              <CostBreakdown
                environmentRef={entityRef}
                scale={state.value.scale}
                cost={state.value.cost}
              />
            </Grid>
          </>
        ) : null}
        <Grid item xs={12}>
          <Divider />
        </Grid>
        <Grid item xs={12}>
          <Heading>Deployment history</Heading>
          <DeploymentHistory environmentRef={entityRef} />
        </Grid>
        <Grid item xs={12}>
          <Divider />
        </Grid>
        <Grid item xs={12}>
          <Heading>Promotion history</Heading>
          <PromotionHistory environmentRef={entityRef} />
        </Grid>
      </Grid>
    </InfoCard>
  );
}
