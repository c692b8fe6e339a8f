import { useMemo, useState } from 'react';
import Box from '@material-ui/core/Box';
import TextField from '@material-ui/core/TextField';
import Alert from '@material-ui/lab/Alert';
import { useEnvironmentList } from '../../hooks/useEnvironmentsApi';
import { LoadState } from '../LoadState';
import { EnvironmentsTable } from './EnvironmentsTable';
import {
  useEnvironmentOwnership,
  type Ownership,
} from './useEnvironmentOwnership';

function FilterSelect(props: {
  label: string;
  value: string;
  options: string[];
  onChange: (value: string) => void;
}) {
  const id = `environments-filter-${props.label.toLocaleLowerCase('en-GB')}`;
  return (
    <TextField
      select
      id={id}
      label={props.label}
      value={props.value}
      onChange={e => props.onChange(e.target.value)}
      SelectProps={{ native: true }}
      InputLabelProps={{ shrink: true }}
      variant="outlined"
      size="small"
      style={{ minWidth: 220 }}
    >
      <option value="">All</option>
      {props.options.map(option => (
        <option key={option} value={option}>
          {option.replace(/^[^:]*:(default\/)?/, '')}
        </option>
      ))}
    </TextField>
  );
}

/** Whether an environment's component (or its own ref, without one) contains the search. */
function found(
  status: { component?: string; entityRef: string },
  search: string,
) {
  const text = search.trim().toLocaleLowerCase('en-GB');
  return (status.component ?? status.entityRef)
    .toLocaleLowerCase('en-GB')
    .includes(text);
}

function matches(meta: Ownership | undefined, owner: string, system: string) {
  if (!owner && !system) return true;
  if (!meta) return false;
  return (
    (!owner || meta.owner === owner) && (!system || meta.system === system)
  );
}

/**
 * Every component's environments by stage — health, deployment, commits waiting, cost against
 * budget — filterable by owner and system; each cell links to the environment's page.
 *
 * @public
 */
export function EnvironmentsOverview() {
  const [owner, setOwner] = useState('');
  const [system, setSystem] = useState('');
  const [search, setSearch] = useState('');
  const ownership = useEnvironmentOwnership();
  const state = useEnvironmentList({
    owner: owner || undefined,
    system: system || undefined,
  });

  const options = useMemo(() => {
    const values = [...(ownership.value?.values() ?? [])];
    const unique = (list: Array<string | undefined>) =>
      [...new Set(list.filter((v): v is string => Boolean(v)))].sort();
    return {
      owners: unique(values.map(v => v.owner)),
      systems: unique(values.map(v => v.system)),
    };
  }, [ownership.value]);

  return (
    <Box display="flex" flexDirection="column" style={{ gap: 16 }}>
      <Box
        display="flex"
        style={{ gap: 16 }}
        flexWrap="wrap"
        alignItems="center"
      >
        <FilterSelect
          label="Owner"
          value={owner}
          options={options.owners}
          onChange={setOwner}
        />
        <FilterSelect
          label="System"
          value={system}
          options={options.systems}
          onChange={setSystem}
        />
        <TextField
          id="environments-search"
          type="search"
          label="Component"
          placeholder="Search components"
          value={search}
          onChange={e => setSearch(e.target.value)}
          InputLabelProps={{ shrink: true }}
          variant="outlined"
          size="small"
          style={{ minWidth: 220 }}
        />
      </Box>
      {ownership.error ? (
        <Alert severity="warning">
          Could not read owners and systems from the catalog, so the filters are
          empty: {ownership.error.message}
        </Alert>
      ) : null}
      <LoadState
        state={state}
        what="the environments from the environments backend"
      >
        {items => {
          const shown = (
            ownership.value
              ? items.filter(s =>
                  matches(ownership.value!.get(s.entityRef), owner, system),
                )
              : items
          ).filter(s => found(s, search));
          if (items.length === 0 && !owner && !system) {
            return (
              <Alert severity="info">
                No environments yet. Register Environment entities (kind
                Environment, apiVersion stageline.dev/v1alpha1) in the catalog
                to see them here.
              </Alert>
            );
          }
          if (shown.length === 0) {
            return (
              <Alert severity="info">
                {search.trim()
                  ? 'No environments match the search and the selected owner and system.'
                  : 'No environments match the selected owner and system.'}
              </Alert>
            );
          }
          return <EnvironmentsTable items={shown} onChanged={state.retry} />;
        }}
      </LoadState>
    </Box>
  );
}
