import Alert from '@material-ui/lab/Alert';
import type { PromotionProblem } from './promotionProblem';
import { GateList } from './GateList';

/**
 * A refused promotion or dry run in words: the failing gates of a blocked one, what to configure
 * for an unavailable one, who may promote for a denied one.
 */
export function PromotionProblemAlert({
  problem,
  targetTitle,
  during,
}: {
  problem: PromotionProblem;
  targetTitle: string;
  /** `check`: the dry run before promoting; `promote`: the promotion itself. */
  during: 'check' | 'promote';
}) {
  switch (problem.kind) {
    case 'blocked':
      return (
        <Alert severity="warning">
          {during === 'check'
            ? 'A gate blocks this promotion:'
            : 'The promotion was blocked by a gate:'}
          <GateList gates={problem.gates} label="Failing gates" />
        </Alert>
      );
    case 'conflict':
      return (
        <Alert severity="warning">Cannot promote: {problem.message}</Alert>
      );
    case 'unavailable':
      return (
        <Alert severity="warning">
          Promotion is not available: {problem.message}
        </Alert>
      );
    case 'not-allowed':
      return (
        <Alert severity="error">
          You may not promote into {targetTitle}: {problem.message}
        </Alert>
      );
    default:
      return (
        <Alert severity="error">
          {during === 'check'
            ? 'Could not check the gates: '
            : 'Promotion failed: '}
          {problem.message}
        </Alert>
      );
  }
}
