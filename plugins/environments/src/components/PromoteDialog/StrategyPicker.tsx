import FormControlLabel from '@material-ui/core/FormControlLabel';
import Radio from '@material-ui/core/Radio';
import RadioGroup from '@material-ui/core/RadioGroup';
import Typography from '@material-ui/core/Typography';
import {
  PROMOTION_STRATEGIES,
  type PromotionStrategy,
  type PromotionStrategySupport,
} from '@stageline/plugin-environments-common';
import { humanize } from '../../lib/format';

const STRATEGY_HELP: Record<PromotionStrategy, string> = {
  'pull-request':
    'Open (or reuse) a pull request from the source branch into the target branch',
  merge:
    'Merge the open promotion pull request once it is approved and mergeable',
  'workflow-dispatch': "Run the target's deploy workflow on the source commit",
};

/**
 * The promotion strategies as radio buttons, each with what it does; where the source control
 * says what each does there (`support`), its words, and the ones it cannot carry out disabled.
 */
export function StrategyPicker({
  value,
  onChange,
  disabled,
  support,
}: {
  /** The selected strategy; none while it is not known yet. */
  value: PromotionStrategy | undefined;
  onChange: (strategy: PromotionStrategy) => void;
  disabled: boolean;
  support?: PromotionStrategySupport[];
}) {
  return (
    <RadioGroup
      aria-label="Promotion strategy"
      name="strategy"
      value={value ?? ''}
      onChange={e => onChange(e.target.value as PromotionStrategy)}
    >
      {PROMOTION_STRATEGIES.map(s => {
        const here = support?.find(entry => entry.strategy === s);
        return (
          <FormControlLabel
            key={s}
            value={s}
            disabled={disabled || (support !== undefined && !here?.available)}
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
                  {here?.description ?? STRATEGY_HELP[s]}
                </Typography>
              </>
            }
          />
        );
      })}
    </RadioGroup>
  );
}
