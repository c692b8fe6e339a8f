import FormControlLabel from '@material-ui/core/FormControlLabel';
import Radio from '@material-ui/core/Radio';
import RadioGroup from '@material-ui/core/RadioGroup';
import Typography from '@material-ui/core/Typography';
import {
  PROMOTION_STRATEGIES,
  type PromotionStrategy,
} from '@stageline/plugin-environments-common';
import { humanize } from '../../lib/format';

const STRATEGY_HELP: Record<PromotionStrategy, string> = {
  'pull-request':
    'Open (or reuse) a pull request from the source branch into the target branch',
  merge:
    'Merge the open promotion pull request once it is approved and mergeable',
  'workflow-dispatch': "Run the target's deploy workflow on the source commit",
};

/** The promotion strategies as radio buttons, each with what it does. */
export function StrategyPicker({
  value,
  onChange,
  disabled,
}: {
  /** The selected strategy; none while it is not known yet. */
  value: PromotionStrategy | undefined;
  onChange: (strategy: PromotionStrategy) => void;
  disabled: boolean;
}) {
  return (
    <RadioGroup
      aria-label="Promotion strategy"
      name="strategy"
      value={value ?? ''}
      onChange={e => onChange(e.target.value as PromotionStrategy)}
    >
      {PROMOTION_STRATEGIES.map(s => (
        <FormControlLabel
          key={s}
          value={s}
          disabled={disabled}
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
  );
}
