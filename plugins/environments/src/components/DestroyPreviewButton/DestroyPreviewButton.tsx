import { useState } from 'react';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogContentText from '@material-ui/core/DialogContentText';
import DialogTitle from '@material-ui/core/DialogTitle';
import Alert from '@material-ui/lab/Alert';
import { useApi } from '@backstage/core-plugin-api';
import { usePermission } from '@backstage/plugin-permission-react';
import useAsyncFn from 'react-use/esm/useAsyncFn';
import {
  environmentsDestroyPermission,
  type EnvironmentStatus,
} from '@stageline/plugin-environments-common';
import { environmentsApiRef } from '../../api';
import { errorText } from '../../lib/errorText';

/** Cleanup states in which there is nothing left to destroy, or it is under way. */
const NOTHING_TO_DO = new Set(['requested', 'destroying', 'destroyed']);

/** Props of {@link DestroyPreviewButton}. */
export interface DestroyPreviewButtonProps {
  /** A preview environment's status. */
  preview: EnvironmentStatus;
  /** Called once the backend took the request. */
  onRequested?: () => void;
}

/**
 * "Destroy now" of a preview, for users allowed `environments.destroy` on it (the backend checks
 * it again on every Environment describing the stack), after a confirmation.
 */
export function DestroyPreviewButton({
  preview,
  onRequested,
}: DestroyPreviewButtonProps) {
  const api = useApi(environmentsApiRef);
  const { allowed } = usePermission({
    permission: environmentsDestroyPermission,
    resourceRef: preview.entityRef,
  });
  const [open, setOpen] = useState(false);
  const [request, destroy] = useAsyncFn(async () => {
    const response = await api.destroyPreview(preview.entityRef);
    setOpen(false);
    onRequested?.();
    return response;
  }, [api, preview.entityRef, onRequested]);
  const lifecycle = preview.preview;
  if (!allowed || !lifecycle || NOTHING_TO_DO.has(lifecycle.cleanup.state)) {
    return null;
  }
  const stack = preview.deployment.stackName ?? 'its stack';
  const number = lifecycle.pullRequest.number;
  return (
    <>
      <Button
        size="small"
        variant="outlined"
        color="secondary"
        style={{ whiteSpace: 'nowrap' }}
        onClick={() => setOpen(true)}
      >
        Destroy now
      </Button>
      <Dialog
        open={open}
        onClose={() => setOpen(false)}
        aria-labelledby={`destroy-${preview.name}`}
      >
        <DialogTitle id={`destroy-${preview.name}`}>
          Destroy the preview of PR #{number}?
        </DialogTitle>
        <DialogContent>
          <DialogContentText>
            Deletes {stack} now, as its cleanup would. The pull request stays
            open; the next push deploys its preview again.
          </DialogContentText>
          {request.error ? (
            <Alert severity="error">{errorText(request.error)}</Alert>
          ) : null}
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setOpen(false)}>Cancel</Button>
          <Button
            color="secondary"
            variant="contained"
            disabled={request.loading}
            onClick={destroy}
          >
            Destroy {stack}
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
}
