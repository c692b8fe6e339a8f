import { useState } from 'react';
import Box from '@material-ui/core/Box';
import Paper from '@material-ui/core/Paper';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TablePagination from '@material-ui/core/TablePagination';
import TableRow from '@material-ui/core/TableRow';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import type { EnvironmentStatus } from '@stageline/plugin-environments-common';
import { humanize } from '../../lib/format';
import { buildRows } from './buildRows';
import { EnvironmentCell } from './EnvironmentCell';

/** Rows per page; the table pages only beyond it. */
const PAGE_SIZE = 20;

/**
 * Components × stages as a plain Material UI table (Backstage's `Table` wraps material-table,
 * whose components still declare `defaultProps`, which React warns about).
 */
export function EnvironmentsTable({
  items,
  onChanged,
}: {
  items: EnvironmentStatus[];
  /** Called after something changed an environment (a preview's destroy was requested). */
  onChanged?: () => void;
}) {
  const { rows, stages } = buildRows(items);
  const [page, setPage] = useState(0);
  const lastPage = Math.max(0, Math.ceil(rows.length / PAGE_SIZE) - 1);
  const shown = rows.slice(
    Math.min(page, lastPage) * PAGE_SIZE,
    (Math.min(page, lastPage) + 1) * PAGE_SIZE,
  );
  return (
    <Paper>
      <Box overflow="auto">
        <Table size="small" aria-label="Environments by component and stage">
          <TableHead>
            <TableRow>
              <TableCell>Component</TableCell>
              {stages.map(stage => (
                <TableCell key={stage}>{humanize(stage)}</TableCell>
              ))}
            </TableRow>
          </TableHead>
          <TableBody>
            {shown.map(row => (
              <TableRow key={row.id}>
                <TableCell style={{ verticalAlign: 'top' }}>
                  <EntityRefLink
                    entityRef={row.componentRef}
                    defaultKind="component"
                  />
                </TableCell>
                {stages.map(stage => (
                  <TableCell key={stage} style={{ verticalAlign: 'top' }}>
                    <Box
                      display="flex"
                      flexDirection="column"
                      style={{ gap: 12 }}
                    >
                      {(row.byStage[stage] ?? []).map(status => (
                        <EnvironmentCell
                          key={status.entityRef}
                          status={status}
                          onChanged={onChanged}
                        />
                      ))}
                      {row.byStage[stage] ? null : '—'}
                    </Box>
                  </TableCell>
                ))}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Box>
      {rows.length > PAGE_SIZE ? (
        <TablePagination
          component="div"
          count={rows.length}
          page={Math.min(page, lastPage)}
          rowsPerPage={PAGE_SIZE}
          rowsPerPageOptions={[PAGE_SIZE]}
          onPageChange={(_event, next) => setPage(next)}
        />
      ) : null}
    </Paper>
  );
}
