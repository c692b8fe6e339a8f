import { useState } from 'react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Collapse from '@material-ui/core/Collapse';
import Typography from '@material-ui/core/Typography';
import ToggleButton from '@material-ui/lab/ToggleButton';
import ToggleButtonGroup from '@material-ui/lab/ToggleButtonGroup';
import {
  ENVIRONMENT_SCALES,
  type CostSection,
  type EnvironmentScale,
} from '@stageline/plugin-environments-common';
import { useEnvironmentCost } from '../../hooks/useEnvironmentsApi';
import { formatMoney, humanize } from '../../lib/format';
import { CostBar } from '../CostBar';
import { LoadState } from '../LoadState';
import { SectionState } from '../SectionState';
import { CostLinesChart } from './CostLinesChart';

function Assumptions({ assumptions }: { assumptions: string[] }) {
  const [open, setOpen] = useState(false);
  return (
    <Box mt={1}>
      <Button
        size="small"
        onClick={() => setOpen(o => !o)}
        aria-expanded={open}
      >
        {open ? 'Hide' : 'Show'} assumptions ({assumptions.length})
      </Button>
      <Collapse in={open}>
        <Box component="ul" m={0} pl={3}>
          {assumptions.map(assumption => (
            <Typography
              component="li"
              variant="caption"
              color="textSecondary"
              key={assumption}
            >
              {assumption}
            </Typography>
          ))}
        </Box>
      </Collapse>
    </Box>
  );
}

function EstimateDetails({ cost }: { cost: CostSection }) {
  const currency = cost.budget?.currency ?? cost.currency;
  return (
    <SectionState section={cost} what="Cost estimate">
      {cost.template ? (
        <Typography variant="body2" gutterBottom>
          Priced: {cost.template.description}.
        </Typography>
      ) : null}
      <CostBar cost={cost} />
      <Box mt={2}>
        <CostLinesChart
          lines={cost.estimate?.lines ?? []}
          currency={currency}
        />
      </Box>
      {cost.estimate?.unpriced.length ? (
        <Typography variant="caption" color="textSecondary" display="block">
          Not priced:{' '}
          {cost.estimate.unpriced
            .map(u => `${u.logicalId} (${u.type}: ${u.reason})`)
            .join(', ')}
        </Typography>
      ) : null}
      {cost.estimate?.assumptions.length ? (
        <Assumptions assumptions={cost.estimate.assumptions} />
      ) : null}
    </SectionState>
  );
}

/** What the what-if compares, so nobody reads a profile's difference as their stack's. */
function whatIfBasis(
  cost: CostSection,
  current: CostSection,
  currency: string,
): string {
  if (cost.comparedWith && cost.estimate) {
    const both = `Basis: Stageline's reference profile at each scale — ${formatMoney(
      cost.estimate.monthly,
      currency,
    )} at ${cost.scale} against ${formatMoney(
      cost.comparedWith.monthly,
      currency,
    )} at ${cost.comparedWith.scale}`;
    return current.template?.source === 'deployed'
      ? `${both}. The deployed template (${formatMoney(
          current.estimate?.monthly ?? 0,
          currency,
        )} at ${
          current.scale
        }) exists at its own scale only, so the difference is the profile's.`
      : `${both}.`;
  }
  return `Basis: ${
    cost.template?.description ?? 'the estimate at that scale'
  }.`;
}

function WhatIf({
  environmentRef,
  scale,
  current,
}: {
  environmentRef: string;
  scale: EnvironmentScale;
  current: CostSection;
}) {
  const state = useEnvironmentCost(environmentRef, scale);
  return (
    <LoadState state={state} what={`the ${scale} cost estimate`}>
      {cost => {
        const currency = cost.budget?.currency ?? cost.currency;
        // Compared on one basis: the other scale's estimate against the same template's at the
        // current scale (the reference profile's, which the backend sends along), else the
        // current estimate.
        const base = cost.comparedWith?.monthly ?? current.estimate?.monthly;
        const difference =
          cost.estimate && base !== undefined
            ? cost.estimate.monthly - base
            : undefined;
        return (
          <>
            {difference !== undefined ? (
              <Typography variant="body2" gutterBottom>
                What if this environment ran at{' '}
                {humanize(scale).toLocaleLowerCase('en-GB')} scale:{' '}
                <strong>
                  {difference >= 0 ? '+' : '−'}
                  {formatMoney(Math.abs(difference), currency)} / month
                </strong>{' '}
                against {current.scale ?? 'the current'} scale.
              </Typography>
            ) : null}
            <Typography
              variant="caption"
              color="textSecondary"
              display="block"
              gutterBottom
            >
              {whatIfBasis(cost, current, currency)}
            </Typography>
            <EstimateDetails cost={cost} />
          </>
        );
      }}
    </LoadState>
  );
}

/**
 * An environment's monthly cost by resource, against its budget, with a scale selector that
 * shows what the other scales would cost.
 */
export function CostBreakdown(props: {
  environmentRef: string;
  scale: EnvironmentScale;
  cost: CostSection;
}) {
  const { environmentRef, scale: currentScale, cost } = props;
  const [scale, setScale] = useState<EnvironmentScale>(currentScale);
  return (
    <Box>
      <Box
        display="flex"
        alignItems="center"
        justifyContent="space-between"
        mb={1}
        flexWrap="wrap"
      >
        <Typography variant="subtitle1" component="h3">
          Cost by resource
        </Typography>
        <ToggleButtonGroup
          size="small"
          exclusive
          value={scale}
          onChange={(_e, value: EnvironmentScale | null) =>
            value && setScale(value)
          }
          aria-label="Scale"
        >
          {ENVIRONMENT_SCALES.map(s => (
            <ToggleButton key={s} value={s} aria-label={s}>
              {humanize(s)}
              {s === currentScale ? ' (current)' : ''}
            </ToggleButton>
          ))}
        </ToggleButtonGroup>
      </Box>
      {scale === currentScale ? (
        <EstimateDetails cost={cost} />
      ) : (
        <WhatIf environmentRef={environmentRef} scale={scale} current={cost} />
      )}
    </Box>
  );
}
