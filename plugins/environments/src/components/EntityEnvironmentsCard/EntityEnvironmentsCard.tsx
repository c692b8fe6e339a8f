import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import { InfoCard } from '@backstage/core-components';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import Alert from '@material-ui/lab/Alert';
import type { EnvironmentStatus } from '@stageline/plugin-environments-common';
import { useEnvironmentList } from '../../hooks/useEnvironmentsApi';
import { useReloading } from '../../hooks/useReloading';
import { EnvironmentPanel } from '../EnvironmentPanel';
import { LoadState } from '../LoadState';
import { PreviewList } from '../PreviewList';
import { orderEnvironments, targetLabelFor } from './orderEnvironments';

/** Whether a stop, start or preview destroy is being carried out for one of the environments. */
const underWay = (items: EnvironmentStatus[]) =>
  items.some(
    status =>
      ['starting', 'stopping'].includes(status.schedule?.state ?? '') ||
      ['requested', 'destroying'].includes(status.preview?.cleanup.state ?? ''),
  );

/** Grid width of each environment, by how many there are: side by side up to three. */
const COLUMN_WIDTH: Record<number, 4 | 6 | 12> = { 0: 12, 1: 12, 2: 6, 3: 4 };

/**
 * Props of {@link EntityEnvironmentsCard}.
 *
 * @public
 */
export interface EntityEnvironmentsCardProps {
  /** Card title. @defaultValue "Environments" */
  title?: string;
}

/**
 * The environments of the current component, in promotion order: deployment, health, cost
 * against budget, what waits to be promoted, and a Promote button for those allowed.
 *
 * @public
 */
export function EntityEnvironmentsCard({
  title = 'Environments',
}: EntityEnvironmentsCardProps) {
  const { entity } = useEntity();
  const entityRef = stringifyEntityRef(entity);
  const state = useEnvironmentList({ entityRef });
  const changed = useReloading(state, underWay);
  return (
    <InfoCard
      title={title}
      subheader="Promotion order, health and cost against budget"
    >
      <LoadState
        state={state}
        what="the environments from the environments backend"
      >
        {items => {
          if (items.length === 0) {
            return (
              <Alert severity="info">
                {entityRef} has no environments yet. Register Environment
                entities with <code>spec.component: {entityRef}</code> in the
                catalog to see them here.
              </Alert>
            );
          }
          const { pipeline, previews } = orderEnvironments(items);
          const width = COLUMN_WIDTH[Math.min(pipeline.length, 3)];
          return (
            <Box display="flex" flexDirection="column" style={{ gap: 16 }}>
              <Grid container spacing={2} alignItems="stretch">
                {pipeline.map(status => (
                  <Grid item xs={12} md={width} key={status.entityRef}>
                    <EnvironmentPanel
                      status={status}
                      targetLabel={targetLabelFor(
                        items,
                        status.promotesTo ?? status.promotion.target,
                      )}
                      onPromoted={state.retry}
                      onChanged={changed}
                    />
                  </Grid>
                ))}
              </Grid>
              <PreviewList previews={previews} onChanged={changed} />
            </Box>
          );
        }}
      </LoadState>
    </InfoCard>
  );
}
