import { useState } from 'react';
import Box from '@material-ui/core/Box';
import ButtonBase from '@material-ui/core/ButtonBase';
import Collapse from '@material-ui/core/Collapse';
import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import ExpandMore from '@material-ui/icons/ExpandMore';
import ExpandLess from '@material-ui/icons/ExpandLess';
import {
  StatusError,
  StatusOK,
  StatusPending,
  StatusWarning,
} from '@backstage/core-components';
import type {
  HealthCheckResult,
  HealthSection,
  HealthState,
} from '@stageline/plugin-environments-common';
import { SectionState } from '../SectionState';
import { formatCount, NOUNS } from '../../lib/plural';

const LABELS: Record<HealthState, string> = {
  healthy: 'Healthy',
  degraded: 'Degraded',
  unhealthy: 'Unhealthy',
  unknown: 'Unknown',
};

/** The status dot and word for a health state. */
export function HealthLabel({ state }: { state: HealthState }) {
  const label = LABELS[state];
  switch (state) {
    case 'healthy':
      return <StatusOK>{label}</StatusOK>;
    case 'degraded':
      return <StatusWarning>{label}</StatusWarning>;
    case 'unhealthy':
      return <StatusError>{label}</StatusError>;
    default:
      return <StatusPending>{label}</StatusPending>;
  }
}

const useStyles = makeStyles(theme => ({
  toggle: {
    borderRadius: theme.shape.borderRadius,
    padding: theme.spacing(0.25, 0.5),
    marginLeft: theme.spacing(-0.5),
    '&:hover': { backgroundColor: theme.palette.action.hover },
  },
  checks: { margin: theme.spacing(0.5, 0, 0), paddingLeft: theme.spacing(1) },
  check: { display: 'flex', gap: theme.spacing(1), alignItems: 'baseline' },
}));

function CheckList({
  checks,
  note,
}: {
  checks: HealthCheckResult[];
  note?: string;
}) {
  const classes = useStyles();
  return (
    <Box
      component="ul"
      className={classes.checks}
      style={{ listStyle: 'none' }}
    >
      {checks.length === 0 ? (
        <li>
          <Typography variant="body2">
            No individual checks reported.
          </Typography>
        </li>
      ) : null}
      {checks.map(check => (
        <li key={check.name} className={classes.check}>
          <HealthLabel state={check.state} />
          <Typography variant="body2" component="span">
            {check.name}
            {check.detail ? ` — ${check.detail}` : ''}
          </Typography>
        </li>
      ))}
      {note ? (
        <li>
          <Typography variant="caption" color="inherit">
            {note}
          </Typography>
        </li>
      ) : null}
    </Box>
  );
}

/**
 * An environment's health: the overall state, its individual checks in a tooltip on hover and
 * in a list on click.
 */
export function HealthStatus({ health }: { health: HealthSection }) {
  const classes = useStyles();
  const [open, setOpen] = useState(false);
  return (
    <SectionState section={health} what="Health check">
      <Tooltip title={<CheckList checks={health.checks} />} arrow>
        <ButtonBase
          className={classes.toggle}
          onClick={() => setOpen(o => !o)}
          aria-expanded={open}
          aria-label={`Health: ${LABELS[health.state]} (${formatCount(
            health.checks.length,
            NOUNS.check,
          )})`}
        >
          <HealthLabel state={health.state} />
          {open ? (
            <ExpandLess fontSize="small" />
          ) : (
            <ExpandMore fontSize="small" />
          )}
        </ButtonBase>
      </Tooltip>
      <Collapse in={open} unmountOnExit>
        <CheckList checks={health.checks} note={health.message} />
      </Collapse>
    </SectionState>
  );
}
