import type { ReactNode } from 'react';
import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import Paper from '@material-ui/core/Paper';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { Link } from '@backstage/core-components';
import { useEntityRefLink } from '@backstage/plugin-catalog-react';
import type {
  EnvironmentStatus,
  PromotionRecord,
} from '@stageline/plugin-environments-common';
import { humanize } from '../../lib/format';
import { CostBar } from '../CostBar';
import { DeploymentSummary } from '../DeploymentSummary';
import { HealthStatus } from '../HealthStatus';
import { PromoteButton } from '../PromoteDialog';
import { PromotionSummary } from '../PromotionSummary';
import { ScheduleSummary } from '../ScheduleSummary';

const useStyles = makeStyles(theme => ({
  panel: {
    padding: theme.spacing(2),
    height: '100%',
    display: 'flex',
    flexDirection: 'column',
    gap: theme.spacing(1.5),
  },
  header: {
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: theme.spacing(1),
    flexWrap: 'wrap',
  },
  chips: { display: 'flex', gap: theme.spacing(0.5), flexWrap: 'wrap' },
  label: {
    display: 'block',
    color: theme.palette.text.secondary,
    textTransform: 'uppercase',
    letterSpacing: 0.5,
    fontSize: 11,
    fontWeight: 600,
  },
  actions: { marginTop: 'auto', display: 'flex', justifyContent: 'flex-end' },
}));

function Section({ label, children }: { label: string; children: ReactNode }) {
  const classes = useStyles();
  return (
    <Box component="section" aria-label={label}>
      <Typography variant="overline" component="h4" className={classes.label}>
        {label}
      </Typography>
      {children}
    </Box>
  );
}

/** Props of {@link EnvironmentPanel}. */
export interface EnvironmentPanelProps {
  status: EnvironmentStatus;
  /** Display name of the environment this one promotes to, when it has one. */
  targetLabel?: string;
  onPromoted?: (record: PromotionRecord) => void;
  /** Called after a schedule action (stop, start, keep running) was requested. */
  onChanged?: () => void;
}

/**
 * One environment of a component: stage and scale, deployment, health, its schedule (stopped or
 * running, Start now / Stop now), cost and promotion.
 */
export function EnvironmentPanel({
  status,
  targetLabel,
  onPromoted,
  onChanged,
}: EnvironmentPanelProps) {
  const classes = useStyles();
  const entityLink = useEntityRefLink();
  const hasTarget = Boolean(status.promotesTo ?? status.promotion.target);
  return (
    <Paper
      variant="outlined"
      className={classes.panel}
      data-testid={`environment-${status.name}`}
    >
      <Box className={classes.header}>
        <Box>
          <Typography variant="h6" component="h3">
            <Link to={entityLink(status.entityRef)}>
              {humanize(status.stage)}
            </Link>
          </Typography>
          <Box className={classes.chips}>
            <Chip size="small" label={`scale: ${status.scale}`} />
            {status.branch ? (
              <Chip size="small" variant="outlined" label={status.branch} />
            ) : null}
          </Box>
        </Box>
        <HealthStatus health={status.health} />
      </Box>
      <Section label="Deployment">
        <DeploymentSummary deployment={status.deployment} />
      </Section>
      {status.schedule ? (
        <Section label="Schedule">
          <ScheduleSummary status={status} onChanged={onChanged} />
        </Section>
      ) : null}
      <Section label="Cost">
        <CostBar cost={status.cost} />
      </Section>
      {hasTarget ? (
        <Section label="Promotion">
          <PromotionSummary
            promotion={status.promotion}
            targetLabel={targetLabel ?? 'next stage'}
          />
        </Section>
      ) : null}
      {hasTarget ? (
        <Box className={classes.actions}>
          <PromoteButton
            source={status}
            targetTitle={targetLabel ?? 'next stage'}
            onPromoted={onPromoted}
          />
        </Box>
      ) : null}
    </Paper>
  );
}
