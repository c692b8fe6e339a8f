import Box from '@material-ui/core/Box';
import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import { makeStyles, Theme } from '@material-ui/core/styles';
import type {
  BudgetState,
  CostSection,
} from '@stageline/plugin-environments-common';
import { formatMoney } from '../../lib/format';
import { SectionState } from '../SectionState';

/** The colour of a budget verdict: green under, amber near, red over, grey when unknown. */
export function budgetColor(theme: Theme, state: BudgetState): string {
  switch (state) {
    case 'within':
      return theme.palette.success.main;
    case 'near':
      return theme.palette.warning.main;
    case 'over':
      return theme.palette.error.main;
    default:
      return theme.palette.grey[500];
  }
}

/** Which template the estimate priced, in the card's words; the tooltip says why. */
const TEMPLATE_LABELS: Record<
  NonNullable<CostSection['template']>['source'],
  string
> = {
  deployed: 'Estimate of the deployed template',
  'reference-profile':
    "Estimate of Stageline's reference profile, not a deployed template",
};

const VERDICT: Record<BudgetState, string> = {
  within: 'within budget',
  near: 'near budget',
  over: 'over budget',
  unknown: 'budget unknown',
};

const useStyles = makeStyles(theme => ({
  track: {
    position: 'relative',
    height: 8,
    borderRadius: 4,
    backgroundColor: theme.palette.action.selected,
    overflow: 'hidden',
    margin: theme.spacing(0.5, 0),
  },
  fill: { position: 'absolute', top: 0, bottom: 0, left: 0, borderRadius: 4 },
  within: { backgroundColor: budgetColor(theme, 'within') },
  near: { backgroundColor: budgetColor(theme, 'near') },
  over: { backgroundColor: budgetColor(theme, 'over') },
  unknown: { backgroundColor: budgetColor(theme, 'unknown') },
  headline: {
    display: 'flex',
    justifyContent: 'space-between',
    gap: theme.spacing(1),
  },
  muted: { color: theme.palette.text.secondary },
}));

/**
 * What the shutdown schedule saves; the backend sends 0 (not undefined) for a schedule that
 * saves nothing, e.g. a serverless hobby stack billed per request rather than per hour.
 */
function scheduleSavingText(saving: number, currency: string): string {
  // under half a penny rounds to £0.00: as good as nothing
  return saving >= 0.005
    ? `Shutdown schedule saves ${formatMoney(saving, currency)} / month`
    : 'Shutdown schedule saves nothing at this scale (no hourly-billed resources)';
}

/** The forecast after the month-to-date spend, or that there is none yet. */
function forecastText(
  actual: NonNullable<CostSection['actual']>,
  currency: string,
): string {
  if (actual.forecast !== undefined) {
    return `, forecast ${formatMoney(actual.forecast, currency)}`;
  }
  return actual.forecastUnavailable?.kind === 'no-data'
    ? ', no forecast yet (too little cost history)'
    : '';
}

/**
 * The monthly estimate against the budget as a bar, with actual month-to-date spend and the
 * saving of the shutdown schedule where known.
 */
export function CostBar({ cost }: { cost: CostSection }) {
  const classes = useStyles();
  return (
    <SectionState section={cost} what="Cost estimate">
      <CostBarBody cost={cost} classes={classes} />
    </SectionState>
  );
}

function CostBarBody({
  cost,
  classes,
}: {
  cost: CostSection;
  classes: ReturnType<typeof useStyles>;
}) {
  const currency = cost.budget?.currency ?? cost.currency;
  const estimate = cost.estimate?.monthly;
  const budget = cost.budget?.monthly;
  const ratio =
    estimate !== undefined && budget ? estimate / budget : undefined;
  const percent = ratio === undefined ? 0 : Math.min(ratio, 1) * 100;
  return (
    <Box>
      <Box className={classes.headline}>
        <Typography variant="body2">
          {estimate === undefined
            ? 'No estimate'
            : `${formatMoney(estimate, currency)} / month`}
          {budget !== undefined ? (
            <span className={classes.muted}>
              {' '}
              of {formatMoney(budget, currency)} budget
            </span>
          ) : null}
        </Typography>
        <Typography variant="caption" className={classes.muted}>
          {budget === undefined ? 'no budget set' : VERDICT[cost.budgetState]}
        </Typography>
      </Box>
      {budget !== undefined && estimate !== undefined ? (
        <Tooltip
          title={`${Math.round((ratio ?? 0) * 100)}% of the monthly budget`}
        >
          <Box
            className={classes.track}
            role="meter"
            aria-label="Estimate against budget"
            aria-valuemin={0}
            aria-valuemax={budget}
            aria-valuenow={estimate}
            data-budget-state={cost.budgetState}
          >
            <Box
              className={`${classes.fill} ${classes[cost.budgetState]}`}
              style={{ width: `${percent}%` }}
            />
          </Box>
        </Tooltip>
      ) : null}
      {cost.template ? (
        <Tooltip title={cost.template.description}>
          <Typography
            variant="caption"
            display="block"
            className={classes.muted}
            aria-label={`Priced: ${cost.template.description}`}
          >
            {TEMPLATE_LABELS[cost.template.source]}
          </Typography>
        </Tooltip>
      ) : null}
      {cost.actual ? (
        <Typography variant="caption" display="block" className={classes.muted}>
          Actual month to date {formatMoney(cost.actual.monthToDate, currency)}
          {forecastText(cost.actual, currency)}
        </Typography>
      ) : null}
      {cost.actual?.forecastUnavailable?.kind === 'error' ? (
        <Typography variant="caption" display="block" color="error">
          Forecast unavailable: {cost.actual.forecastUnavailable.message}
        </Typography>
      ) : null}
      {cost.scheduleSaving !== undefined ? (
        <Typography variant="caption" display="block" className={classes.muted}>
          {scheduleSavingText(cost.scheduleSaving, currency)}
        </Typography>
      ) : null}
      {cost.message ? (
        <Typography variant="caption" display="block" className={classes.muted}>
          {cost.message}
        </Typography>
      ) : null}
    </Box>
  );
}
