import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import type { EnvironmentEntityV1alpha1 } from '@stageline/plugin-environments-common';
import type { ReactNode } from 'react';
import { formatMoney, humanize } from '../../lib/format';
import { describeSchedule } from '../../lib/describeSchedule';

const useStyles = makeStyles(theme => ({
  list: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    columnGap: theme.spacing(2),
    rowGap: theme.spacing(0.75),
    margin: 0,
  },
  term: { color: theme.palette.text.secondary, fontWeight: 500 },
  definition: { margin: 0 },
}));

/** The definition of an environment, from its entity: stage, scale, branch, budget, schedule. */
export function EnvironmentFacts({
  entity,
}: {
  entity: EnvironmentEntityV1alpha1;
}) {
  const classes = useStyles();
  const { spec } = entity;
  const facts: Array<[string, ReactNode]> = [
    ['Stage', humanize(spec.type)],
    ['Scale', humanize(spec.scale)],
    ['Branch', spec.branch ?? '—'],
    [
      'Component',
      <EntityRefLink entityRef={spec.component} defaultKind="component" />,
    ],
    [
      'Promotes to',
      spec.promotesTo ? (
        <EntityRefLink entityRef={spec.promotesTo} defaultKind="environment" />
      ) : (
        'Last stage'
      ),
    ],
    [
      'Budget',
      spec.budget
        ? `${formatMoney(spec.budget.monthly, spec.budget.currency)} / month`
        : 'None — set spec.budget to track cost',
    ],
    ['Schedule', describeSchedule(spec.schedule)],
    [
      'Stack',
      spec.deployment?.stackName ? (
        <>
          {spec.deployment.stackName}
          {spec.deployment.region ? (
            <>
              {' '}
              {/* a region never breaks at its hyphens */}
              <span style={{ whiteSpace: 'nowrap' }}>
                ({spec.deployment.region})
              </span>
            </>
          ) : null}
        </>
      ) : (
        'None — set spec.deployment'
      ),
    ],
  ];
  return (
    <Box component="dl" className={classes.list}>
      {facts.map(([term, definition]) => (
        <Box key={term} display="contents">
          <Typography component="dt" variant="body2" className={classes.term}>
            {term}
          </Typography>
          <Typography
            component="dd"
            variant="body2"
            className={classes.definition}
          >
            {definition}
          </Typography>
        </Box>
      ))}
    </Box>
  );
}
