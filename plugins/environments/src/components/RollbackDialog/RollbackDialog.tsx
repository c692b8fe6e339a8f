import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import { Link, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { scaffolderApiRef } from '@backstage/plugin-scaffolder-react';
import useAsync from 'react-use/esm/useAsync';
import useAsyncFn from 'react-use/esm/useAsyncFn';
import type { RollbackPlan } from '@stageline/plugin-environments-common';
import { environmentsApiRef } from '../../api';
import { errorText } from '../../lib/errorText';
import { formatDateTime, shortSha } from '../../lib/format';

/** Props of {@link RollbackDialog}. */
export interface RollbackDialogProps {
  environmentRef: string;
  open: boolean;
  onClose: () => void;
  /** The template that rolls back, `rollback-environment` of the repository's templates. */
  templateRef: string;
  /** Where the scaffolder shows a task: `${taskPath}/${taskId}`. */
  taskPath: string;
}

function RestoredDeployment({ plan }: { plan: RollbackPlan }) {
  const target = plan.target;
  if (!target) return null;
  return (
    <Typography variant="body2" component="div">
      Restores the deployment of {formatDateTime(target.createdAt)} by{' '}
      {target.actor.replace(/^user:(default\/)?/, '')}
      {target.commit ? ` (commit ${shortSha(target.commit)})` : ''}
      {target.runUrl ? (
        <>
          {' '}
          — <Link to={target.runUrl}>run {target.runId}</Link>
        </>
      ) : null}
      .
    </Typography>
  );
}

/**
 * Rolls an environment back: shows what the rollback would do now (the backend's rollback plan:
 * continue a failed rollback, re-run the previous deployment's run, deploy its template again),
 * and starts the rollback template in the scaffolder with the deployment it showed, so a
 * deployment made in between stops the rollback instead of restoring something else. Links the
 * task, whose log follows the rollback.
 */
export function RollbackDialog(props: RollbackDialogProps) {
  const { environmentRef, open, onClose, templateRef, taskPath } = props;
  const environments = useApi(environmentsApiRef);
  const scaffolder = useApi(scaffolderApiRef);
  const plan = useAsync(
    async () =>
      open ? environments.getRollbackPlan(environmentRef) : undefined,
    [environments, environmentRef, open],
  );
  const [started, start] = useAsyncFn(
    async (rollback: RollbackPlan) =>
      scaffolder.scaffold({
        templateRef,
        values: {
          environment: environmentRef,
          ...(rollback.target ? { restore: rollback.target.id } : {}),
        },
      }),
    [scaffolder, templateRef, environmentRef],
  );
  const value = plan.value;
  const canRollBack =
    value !== undefined &&
    value.kind !== 'none' &&
    !started.loading &&
    !started.value;
  return (
    <Dialog open={open} onClose={onClose} maxWidth="sm" fullWidth>
      <DialogTitle>
        Roll back {value?.stackName ?? 'this environment'}
      </DialogTitle>
      <DialogContent>
        {plan.loading ? <Progress /> : null}
        {plan.error ? (
          <Alert severity="error">
            Could not work out the rollback: {errorText(plan.error)}
          </Alert>
        ) : null}
        {value ? (
          <>
            <Alert severity={value.kind === 'none' ? 'info' : 'warning'}>
              {value.kind === 'none'
                ? `Nothing to roll back to: ${value.message}`
                : value.message}
            </Alert>
            <RestoredDeployment plan={value} />
          </>
        ) : null}
        {started.error ? (
          <Alert severity="error">
            Could not start the rollback: {errorText(started.error)}
          </Alert>
        ) : null}
        {started.value ? (
          <Alert severity="success">
            Rollback started.{' '}
            <Link to={`${taskPath}/${started.value.taskId}`}>
              Follow it in its task
            </Link>
            ; it is recorded in the deployment history when it ends.
          </Alert>
        ) : null}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{started.value ? 'Close' : 'Cancel'}</Button>
        <Button
          color="secondary"
          variant="contained"
          disabled={!canRollBack}
          onClick={() => value && start(value)}
        >
          Roll back
        </Button>
      </DialogActions>
    </Dialog>
  );
}
