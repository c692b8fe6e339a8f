import { useState } from 'react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import { useApi } from '@backstage/core-plugin-api';
import { usePermission } from '@backstage/plugin-permission-react';
import useAsyncFn from 'react-use/esm/useAsyncFn';
import {
  environmentsDeployPermission,
  type EnvironmentStatus,
} from '@stageline/plugin-environments-common';
import { environmentsApiRef } from '../../api';
import { errorText } from '../../lib/errorText';
import { describeScheduleState } from '../../lib/scheduleTimes';

/** `2026-03-06T21:00` in the reader's time zone, for a datetime-local input. */
function localInputValue(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(
    date.getDate(),
  )}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

function KeepRunningDialog({
  status,
  open,
  onClose,
  onChanged,
}: {
  status: EnvironmentStatus;
  open: boolean;
  onClose: () => void;
  onChanged?: () => void;
}) {
  const api = useApi(environmentsApiRef);
  const [until, setUntil] = useState(() =>
    localInputValue(new Date(Date.now() + 3 * 3_600_000)),
  );
  const [request, keep] = useAsyncFn(async () => {
    await api.keepRunning(status.entityRef, new Date(until).toISOString());
    onClose();
    onChanged?.();
  }, [api, status.entityRef, until, onChanged]);
  return (
    <Dialog
      open={open}
      onClose={onClose}
      aria-labelledby={`keep-${status.name}`}
    >
      <DialogTitle id={`keep-${status.name}`}>Keep running until</DialogTitle>
      <DialogContent>
        <TextField
          type="datetime-local"
          label="Until"
          value={until}
          onChange={event => setUntil(event.target.value)}
          InputLabelProps={{ shrink: true }}
          helperText="Shutdowns until then are skipped; the environment stops at that time (at most 7 days ahead)."
        />
        {request.error ? (
          <Alert severity="error">{errorText(request.error)}</Alert>
        ) : null}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Cancel</Button>
        <Button
          color="primary"
          variant="contained"
          disabled={request.loading}
          onClick={keep}
        >
          Keep running
        </Button>
      </DialogActions>
    </Dialog>
  );
}

function ScheduleButtons({
  status,
  onChanged,
}: {
  status: EnvironmentStatus;
  onChanged?: () => void;
}) {
  const api = useApi(environmentsApiRef);
  const { allowed } = usePermission({
    permission: environmentsDeployPermission,
    resourceRef: status.entityRef,
  });
  const [keepOpen, setKeepOpen] = useState(false);
  const [request, run] = useAsyncFn(
    async (action: 'shutdown' | 'startup' | 'end-override') => {
      if (action === 'end-override')
        await api.keepRunning(status.entityRef, null);
      else await api.runSchedule(status.entityRef, action);
      onChanged?.();
    },
    [api, status.entityRef, onChanged],
  );
  const schedule = status.schedule!;
  if (
    !allowed ||
    schedule.state === 'stopping' ||
    schedule.state === 'starting'
  ) {
    return null;
  }
  const stopped =
    schedule.state === 'stopped' ||
    (schedule.state === 'failed' && schedule.lastAction === 'startup');
  return (
    <Box display="flex" flexWrap="wrap" style={{ gap: 8 }} mt={1}>
      {stopped ? (
        <Button
          size="small"
          variant="outlined"
          color="primary"
          disabled={request.loading}
          onClick={() => run('startup')}
        >
          Start now
        </Button>
      ) : (
        <>
          <Button
            size="small"
            variant="outlined"
            disabled={request.loading}
            onClick={() => run('shutdown')}
          >
            Stop now
          </Button>
          {schedule.keepRunningUntil ? (
            <Button
              size="small"
              disabled={request.loading}
              onClick={() => run('end-override')}
            >
              End keep running
            </Button>
          ) : (
            <Button size="small" onClick={() => setKeepOpen(true)}>
              Keep running…
            </Button>
          )}
        </>
      )}
      {request.error ? (
        <Alert severity="error" style={{ width: '100%' }}>
          {errorText(request.error)}
        </Alert>
      ) : null}
      {keepOpen ? (
        <KeepRunningDialog
          status={status}
          open={keepOpen}
          onClose={() => setKeepOpen(false)}
          onChanged={onChanged}
        />
      ) : null}
    </Box>
  );
}

/** Props of {@link ScheduleSummary}. */
export interface ScheduleSummaryProps {
  status: EnvironmentStatus;
  /** Called after a stop, start or override was requested, to load the status again. */
  onChanged?: () => void;
}

/**
 * Where an environment stands under its `spec.schedule`: "Stopped since 18:00 · starts 08:00
 * Mon", and Start now / Stop now / Keep running for users allowed `environments.deploy` on it
 * (what the schedule saves a month is in the cost section).
 */
export function ScheduleSummary({ status, onChanged }: ScheduleSummaryProps) {
  const schedule = status.schedule;
  if (!schedule) return null;
  return (
    <Box>
      <Typography variant="body2">{describeScheduleState(schedule)}</Typography>
      {schedule.method === 'dry-run' ? (
        <Typography variant="caption" color="textSecondary" display="block">
          Dry run (environments.schedules.dryRun): recorded only, nothing in the
          cloud was stopped or started
        </Typography>
      ) : null}
      <ScheduleButtons status={status} onChanged={onChanged} />
    </Box>
  );
}
