import type { ReactNode } from 'react';
import Button from '@material-ui/core/Button';
import Alert from '@material-ui/lab/Alert';
import { Progress } from '@backstage/core-components';
import { errorText } from '../../lib/errorText';

/** Props of {@link LoadState}. */
export interface LoadStateProps<T> {
  state: { loading: boolean; error?: Error; value?: T; retry?: () => void };
  /** What was being loaded, for the failure sentence: "Could not load the promotion history". */
  what: string;
  children: (value: T) => ReactNode;
}

/**
 * Loading bar, then either a failure that says what could not be loaded (with a retry) or the
 * content. Keeps the last value on screen while reloading.
 */
export function LoadState<T>({ state, what, children }: LoadStateProps<T>) {
  if (state.value !== undefined) return <>{children(state.value)}</>;
  if (state.error) {
    return (
      <Alert
        severity="error"
        action={
          state.retry ? (
            <Button color="inherit" size="small" onClick={state.retry}>
              Retry
            </Button>
          ) : undefined
        }
      >
        Could not load {what}: {errorText(state.error)}
      </Alert>
    );
  }
  return <Progress />;
}
