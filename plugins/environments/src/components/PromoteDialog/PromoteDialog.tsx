import { useState } from 'react';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import Radio from '@material-ui/core/Radio';
import RadioGroup from '@material-ui/core/RadioGroup';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import { Link, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import useAsyncFn from 'react-use/esm/useAsyncFn';
import {
  PROMOTION_STRATEGIES,
  type EnvironmentStatus,
  type PromotionRecord,
  type PromotionStrategy,
} from '@stageline/plugin-environments-common';
import { environmentsApiRef } from '../../api';
import { errorText, isConflict, isUnavailable } from '../../lib/errorText';
import { SectionState } from '../SectionState';
import { humanize } from '../../lib/format';
import { CommitList } from './CommitList';
import { GateList } from './GateList';

const STRATEGY_HELP: Record<PromotionStrategy, string> = {
  'pull-request':
    'Open (or reuse) a pull request from the source branch into the target branch',
  merge: 'Merge the open promotion pull request once it is approved and mergeable',
  'workflow-dispatch': "Run the target's deploy workflow on the source commit",
};

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
  const failed = record.gates.filter(gate => gate.status === 'failed');
  return (
    <Alert severity="error">
      Promotion {record.result}
      {failed.length > 0
        ? `: gate ${failed
            .map(g => `${humanize(g.id)} — ${g.message}`)
            .join('; ')}`
        : ''}
      {record.message ? `. ${record.message}` : ''}
    </Alert>
  );
}

/**
 * Promotes one environment into the next: lists the waiting commits and the gates (from a dry
 * run), lets the user pick the strategy, runs the promotion and shows the outcome.
 */
export function PromoteDialog(props: PromoteDialogProps) {
  const { source, targetTitle, open, onClose, onPromoted } = props;
  const api = useApi(environmentsApiRef);
  const [strategy, setStrategy] = useState<PromotionStrategy>('pull-request');

  const check = useAsync(
    async () =>
      open
        ? api.promote(source.entityRef, { dryRun: true, strategy })
        : undefined,
    [api, open, source.entityRef, strategy],
  );

  const [run, promote] = useAsyncFn(async () => {
    const record = await api.promote(source.entityRef, { strategy });
    if (record.result === 'succeeded') onPromoted?.(record);
    return record;
  }, [api, source.entityRef, strategy, onPromoted]);

  const promotion = source.promotion;
  const done = run.value?.result === 'succeeded';

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
            ? `${
                promotion.commitsAhead ?? promotion.commits?.length ?? 0
              } commits`
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
        {check.value ? <GateList gates={check.value.gates} /> : null}
        {check.error ? (
          <Alert severity={isUnavailable(check.error) ? 'warning' : 'error'}>
            {isConflict(check.error)
              ? 'A gate blocks this promotion: '
              : 'Could not check the gates: '}
            {errorText(check.error)}
          </Alert>
        ) : null}

        <Typography variant="subtitle2" style={{ marginTop: 16 }}>
          Strategy
        </Typography>
        <RadioGroup
          aria-label="Promotion strategy"
          name="strategy"
          value={strategy}
          onChange={e => setStrategy(e.target.value as PromotionStrategy)}
        >
          {PROMOTION_STRATEGIES.map(s => (
            <FormControlLabel
              key={s}
              value={s}
              disabled={run.loading || done}
              control={<Radio size="small" />}
              label={
                <>
                  <Typography variant="body2" component="span">
                    {humanize(s)}
                  </Typography>
                  <Typography
                    variant="caption"
                    color="textSecondary"
                    component="span"
                  >
                    {' — '}
                    {STRATEGY_HELP[s]}
                  </Typography>
                </>
              }
            />
          ))}
        </RadioGroup>

        {run.loading ? <Progress /> : null}
        {run.value ? <PromotionOutcome record={run.value} /> : null}
        {run.error ? (
          <Alert severity="error" role="alert">
            {isConflict(run.error)
              ? 'Blocked by a promotion gate: '
              : 'Promotion failed: '}
            {errorText(run.error)}
          </Alert>
        ) : null}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{done ? 'Close' : 'Cancel'}</Button>
        <Button
          color="primary"
          variant="contained"
          onClick={() => promote()}
          disabled={run.loading || done}
        >
          Promote
        </Button>
      </DialogActions>
    </Dialog>
  );
}
