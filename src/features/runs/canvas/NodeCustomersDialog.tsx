import DownloadIcon from '@mui/icons-material/Download';
import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle, LinearProgress, Link, Stack, TextField, ToggleButton, ToggleButtonGroup, Typography } from '@mui/material';
import type { GridColDef } from '@mui/x-data-grid';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router-dom';
import type { Workspace } from '../../../domain';
import type { ChainNode } from '../../../domain/chains';
import type { NodeFigures } from '../../../domain/runs';
import { isCancelled } from '../../../engine/cancel';
import type { NodeCollection } from '../../../engine/simulate/simulateTypes';
import { DataTable } from '../../../ui/DataTable';
import { errorMessage } from '../../../ui/errorMessage';
import { useFormat } from '../../../ui/format';
import { engineWorker } from '../../../workers/engineClient';
import { useEngineCall } from '../../../workers/useEngineCall';
import { CustomerCard } from '../../data/CustomerCard';
import { downloadCsv } from '../../segments/drillDown';
import { traceLink } from '../trace/TracePicker';
import { NODE_CUSTOMERS_LIMIT, nodeCollections, nodeCustomersCsv, nodeCustomersFileName, searchIds } from './nodeCustomers';

export interface NodeCustomersTarget {
  runId: string;
  chainId: string;
  node: ChainNode;
  figures: NodeFigures;
}

/**
 * A node's customers in the run shown on the canvas: pick the figure (entered, waiting, sent, not
 * sent …), search the ids, open a customer's card, export them as CSV. The list is the run's
 * inputs replayed for that node (count always complete, ids up to 100 000 — said when cut).
 */
export function NodeCustomersDialog({ workspace, target, onClose }: { workspace: Workspace; target: NodeCustomersTarget; onClose(): void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const options = useMemo(() => nodeCollections(target.node, target.figures), [target]);
  const [what, setWhat] = useState<NodeCollection>('entered');
  const [search, setSearch] = useState('');
  const [openIndex, setOpenIndex] = useState<number | null>(null);
  const [lookupError, setLookupError] = useState<string | null>(null);
  const call = useEngineCall('simulate', 'customersAtNode', { workspaceId: workspace.id, runId: target.runId, chainId: target.chainId, nodeId: target.node.id, what, limit: NODE_CUSTOMERS_LIMIT });
  const listed = call.isCurrent && call.value ? call.value : null;
  const shown = useMemo(() => (listed ? searchIds(listed.ids, search).map((id) => ({ id })) : []), [listed, search]);
  // Each customer links to their trace in this run ("why did this customer get it"); the row itself opens their card.
  const columns = useMemo<GridColDef<{ id: string }>[]>(
    () => [
      { field: 'id', headerName: t('runCanvas.customers.id'), flex: 1, sortable: false },
      {
        field: 'trace',
        headerName: t('runCanvas.customers.traceColumn'),
        width: 150,
        sortable: false,
        renderCell: ({ row }) => (
          <Link
            component={RouterLink}
            to={traceLink(target.runId, row.id)}
            onClick={(event) => {
              event.stopPropagation();
              onClose();
            }}
            onKeyDown={(event) => event.stopPropagation()}
            aria-label={t('runCanvas.customers.traceOf', { id: row.id })}
            data-testid="node-customer-trace"
          >
            {t('runCanvas.customers.trace')}
          </Link>
        ),
      },
    ],
    [t, target.runId, onClose],
  );
  // The node's figures count passes; the list, different customers (a customer may pass again).
  const times = options.find((option) => option.what === what)?.count ?? 0;
  const name = target.node.label || t(`chains.kinds.${target.node.kind}`);

  async function openCustomer(id: string): Promise<void> {
    setLookupError(null);
    const page = await engineWorker('data').call('queryCustomers', { workspaceId: workspace.id, dataVersion: workspace.dataVersion, query: { search: id, page: 0, pageSize: 50 } });
    const row = page.rows.find((item) => item.id === id);
    if (row) setOpenIndex(row.index);
    else setLookupError(t('runCanvas.customers.notFound', { id }));
  }

  return (
    <Dialog open onClose={onClose} maxWidth="sm" fullWidth aria-labelledby="node-customers-title" data-testid="node-customers">
      <DialogTitle id="node-customers-title">{t('runCanvas.customers.title', { name })}</DialogTitle>
      <DialogContent dividers>
        <Stack spacing={2}>
          <ToggleButtonGroup exclusive size="small" value={what} onChange={(_event, value: NodeCollection | null) => value && setWhat(value)} aria-label={t('runCanvas.customers.figure')} sx={{ flexWrap: 'wrap' }}>
            {options.map((option) => (
              <ToggleButton key={option.what} value={option.what} data-testid={`node-customers-${option.what}`}>
                {t(`runCanvas.customers.what.${option.what}`, { count: format.count(option.count) })}
              </ToggleButton>
            ))}
          </ToggleButtonGroup>
          {call.isLoading && (
            <Stack spacing={0.5}>
              <Typography variant="body2" role="status">{t('runCanvas.customers.replaying')}</Typography>
              <LinearProgress variant={call.progress?.total ? 'determinate' : 'indeterminate'} value={call.progress?.total ? (call.progress.done / call.progress.total) * 100 : undefined} aria-label={t('runCanvas.customers.replaying')} />
            </Stack>
          )}
          {call.error !== undefined && !isCancelled(call.error) && <Alert severity="error">{errorMessage(call.error, t)}</Alert>}
          {lookupError && <Alert severity="warning">{lookupError}</Alert>}
          {listed && (
            <>
              <Typography variant="body2" data-testid="node-customers-count">
                {listed.ids.length < listed.count ? t('runCanvas.customers.cut', { shown: format.count(listed.ids.length), count: listed.count, total: format.count(listed.count) }) : t('runCanvas.customers.count', { count: listed.count, total: format.count(listed.count) })}
                {times > listed.count && ` ${t('runCanvas.customers.times', { times: format.count(times) })}`}
              </Typography>
              <TextField size="small" type="search" label={t('runCanvas.customers.search')} value={search} onChange={(event) => setSearch(event.target.value)} slotProps={{ htmlInput: { 'data-testid': 'node-customers-search' } }} />
              <DataTable<{ id: string }>
                rows={shown}
                columns={columns}
                density="compact"
                initialState={{ pagination: { paginationModel: { pageSize: 25, page: 0 } } }}
                pageSizeOptions={[25, 100]}
                disableColumnMenu
                onRowActivate={(row) => void openCustomer(row.id)}
                localeText={{ noRowsLabel: search ? t('runCanvas.customers.noMatch') : t('runCanvas.customers.none') }}
                sx={{ height: 380 }}
                data-testid="node-customers-list"
              />
            </>
          )}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button startIcon={<DownloadIcon />} disabled={!listed || listed.ids.length === 0} onClick={() => listed && downloadCsv(nodeCustomersFileName(target.node.id, what, target.runId), nodeCustomersCsv(searchIds(listed.ids, search), { runId: target.runId, chainId: target.chainId, nodeId: target.node.id, what }))} data-testid="node-customers-csv">
          {t('runCanvas.customers.csv')}
        </Button>
        <Button onClick={onClose}>{t('runCanvas.dialog.close')}</Button>
      </DialogActions>
      {openIndex !== null && <CustomerCard workspace={workspace} customerIndex={openIndex} onClose={() => setOpenIndex(null)} />}
    </Dialog>
  );
}
