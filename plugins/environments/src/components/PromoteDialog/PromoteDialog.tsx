import { useState } from 'react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import { Link, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import useAsyncFn from 'react-use/esm/useAsyncFn';
import type {
  EnvironmentStatus,
  PromotionRecord,
  PromotionStrategy,
} from '@stageline/plugin-environments-common';
import { environmentsApiRef } from '../../api';
import { SectionState } from '../SectionState';
import { humanize } from '../../lib/format';
import { formatCount, NOUNS } from '../../lib/plural';
import { CommitList } from './CommitList';
import { GateList } from './GateList';
import { StrategyPicker } from './StrategyPicker';
import { PromotionProblemAlert } from './PromotionProblemAlert';
import { blockingReason, promotionProblem } from './promotionProblem';

/** Props of {@link PromoteDialog}. */
export interface PromoteDialogProps {
  /** The environment promoted from; its `promotesTo` is the target. */
  source: EnvironmentStatus;
  /** Display name of the target environment. */
  targetTitle: string;
  open: boolean;
  onClose: () => void;
  /** Called after a promotion that the backend accepted. */
  onPromoted?: (record: PromotionRecord) => void;
}

function PromotionOutcome({ record }: { record: PromotionRecord }) {
  if (record.result === 'succeeded') {
    return (
      <Alert severity="success">
        Promotion started by{' '}
        {humanize(record.strategy).toLocaleLowerCase('en-GB')}.
        {record.link ? (
          <>
            {' '}
            <Link to={record.link}>Open it</Link>
          </>
        ) : null}
        {record.message ? ` ${record.message}` : ''}
      </Alert>
    );
  }
  // the backend answers a blocked or failed promotion with an error, not a record: defensive
  return (
    <Alert severity="error">
      Promotion {record.result}
      {record.message ? `: ${record.message}` : ''}
    </Alert>
  );
}

/**
 * Promotes one environment into the next: lists the waiting commits and the gates from a dry
 * run (which also picks the strategy the backend would use), lets the user pick another, runs
 * the promotion and shows the outcome. Promote stays disabled, with the reason beside it, while
 * a gate blocks, GitHub is not configured or the user may not promote.
 */
export function PromoteDialog(props: PromoteDialogProps) {
  const { source, targetTitle, open, onClose, onPromoted } = props;
  const api = useApi(environmentsApiRef);
  /** The strategy the user picked; until then, the backend's default from the dry run. */
  const [chosen, setChosen] = useState<PromotionStrategy>();

  const check = useAsync(
    async () =>
      open
        ? api.promote(
            source.entityRef,
            chosen ? { dryRun: true, strategy: chosen } : { dryRun: true },
          )
        : undefined,
    [api, open, source.entityRef, chosen],
  );
  const strategy = chosen ?? check.value?.strategy;

  const [run, promote] = useAsyncFn(async () => {
    const record = await api.promote(
      source.entityRef,
      strategy ? { strategy } : {},
    );
    if (record.result === 'succeeded') onPromoted?.(record);
    return record;
  }, [api, source.entityRef, strategy, onPromoted]);

  const promotion = source.promotion;
  const done = run.value?.result === 'succeeded';
  const checkProblem = check.error ? promotionProblem(check.error) : undefined;
  const reason = check.loading
    ? undefined
    : blockingReason(checkProblem, targetTitle);
  // no strategy can help when promotion is unavailable here or not allowed
  const strategyMatters =
    checkProblem?.kind !== 'unavailable' &&
    checkProblem?.kind !== 'not-allowed';

  return (
    <Dialog
      open={open}
      onClose={onClose}
      fullWidth
      maxWidth="sm"
      aria-labelledby="promote-title"
    >
      <DialogTitle id="promote-title">
        Promote {source.title ?? source.name} to {targetTitle}
      </DialogTitle>
      <DialogContent dividers>
        <Typography variant="subtitle2" gutterBottom>
          {promotion.status === 'ok'
            ? formatCount(
                promotion.commitsAhead ?? promotion.commits?.length ?? 0,
                NOUNS.commit,
              )
            : 'Commits'}
          {promotion.sourceBranch && promotion.targetBranch
            ? ` (${promotion.sourceBranch} → ${promotion.targetBranch})`
            : ''}
        </Typography>
        <SectionState section={promotion} what="Listing the commits">
          <CommitList
            commits={promotion.commits ?? []}
            total={promotion.commitsAhead}
          />
        </SectionState>

        <Typography variant="subtitle2" gutterBottom style={{ marginTop: 16 }}>
          Gates
        </Typography>
        {check.loading ? <Progress /> : null}
        {!check.loading && check.value ? (
          <>
            <GateList gates={check.value.gates} />
            {check.value.message ? (
              <Typography variant="caption" color="textSecondary">
                {check.value.message}
              </Typography>
            ) : null}
          </>
        ) : null}
        {!check.loading && checkProblem ? (
          <PromotionProblemAlert
            problem={checkProblem}
            targetTitle={targetTitle}
            during="check"
          />
        ) : null}

        <Typography variant="subtitle2" style={{ marginTop: 16 }}>
          Strategy
        </Typography>
        <StrategyPicker
          value={strategy}
          onChange={setChosen}
          disabled={run.loading || done || !strategyMatters}
          support={promotion.strategies}
        />

        {run.loading ? <Progress /> : null}
        {run.value ? <PromotionOutcome record={run.value} /> : null}
        {run.error ? (
          <PromotionProblemAlert
            problem={promotionProblem(run.error)}
            targetTitle={targetTitle}
            during="promote"
          />
        ) : null}
      </DialogContent>
      <DialogActions>
        {reason ? (
          <Box flex={1} pl={1}>
            <Typography
              id="promote-disabled-reason"
              variant="caption"
              color="textSecondary"
            >
              {reason}
            </Typography>
          </Box>
        ) : null}
        <Button onClick={onClose}>{done ? 'Close' : 'Cancel'}</Button>
        <Button
          color="primary"
          variant="contained"
          onClick={() => promote()}
          disabled={run.loading || done || check.loading || Boolean(reason)}
          aria-describedby={reason ? 'promote-disabled-reason' : undefined}
        >
          Promote
        </Button>
      </DialogActions>
    </Dialog>
  );
}
