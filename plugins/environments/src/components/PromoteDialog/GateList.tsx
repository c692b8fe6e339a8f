import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import {
  StatusError,
  StatusOK,
  StatusPending,
} from '@backstage/core-components';
import type { PromotionGateResult } from '@stageline/plugin-environments-common';
import { PlainList } from './PlainList';
import { humanize } from '../../lib/format';

function GateStatus({ gate }: { gate: PromotionGateResult }) {
  const label = humanize(gate.id);
  if (gate.status === 'passed') return <StatusOK>{label}</StatusOK>;
  if (gate.status === 'failed') return <StatusError>{label}</StatusError>;
  return <StatusPending>{label} (skipped)</StatusPending>;
}

/** The promotion gates and what each said. */
export function GateList({
  gates,
  label = 'Promotion gates',
}: {
  gates: PromotionGateResult[];
  /** Accessible name of the list. */
  label?: string;
}) {
  if (gates.length === 0) {
    return (
      <Typography variant="body2">No gates apply to this promotion.</Typography>
    );
  }
  return (
    <PlainList label={label}>
      {gates.map(gate => (
        <Box component="li" key={gate.id} mb={0.5}>
          <GateStatus gate={gate} />
          <Typography variant="body2" color="textSecondary" component="span">
            {' — '}
            {gate.message}
          </Typography>
        </Box>
      ))}
    </PlainList>
  );
}
