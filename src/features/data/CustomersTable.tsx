import { InputAdornment, Paper, Stack, TextField, Typography } from '@mui/material';
import SearchIcon from '@mui/icons-material/Search';
import type { GridColDef, GridPaginationModel, GridSortModel } from '@mui/x-data-grid';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CUSTOMER_SORT_FIELDS, type CustomerRow, type CustomerSortField } from '../../domain/customers/customerTable';
import type { Workspace } from '../../domain';
import { useAppStore } from '../../store/appStore';
import { errorMessage } from '../../ui/errorMessage';
import { DataTable } from '../../ui/DataTable';
import { useFormat } from '../../ui/format';
import { useDebounced } from '../../ui/useDebounced';
import { useEngineCall } from '../../workers/useEngineCall';

const PAGE_SIZES = [25, 50, 100];

function toSort(model: GridSortModel): { field: CustomerSortField; direction: 'asc' | 'desc' } | undefined {
  const first = model[0];
  if (!first?.sort || !(CUSTOMER_SORT_FIELDS as readonly string[]).includes(first.field)) return undefined;
  return { field: first.field as CustomerSortField, direction: first.sort };
}

/**
 * Search, sort and paging run in the data worker over the whole customer list, so the page
 * stays responsive at 100k+ customers; the grid shows one page and virtualises its rows.
 */
function useCustomerPage(workspace: Workspace, search: string, sortModel: GridSortModel, pagination: GridPaginationModel) {
  const notify = useAppStore((state) => state.notify);
  const query = useMemo(
    () => ({ search, sort: toSort(sortModel), page: pagination.page, pageSize: pagination.pageSize }),
    [search, sortModel, pagination],
  );
  const { value, error, isLoading } = useEngineCall('data', 'queryCustomers', { workspaceId: workspace.id, dataVersion: workspace.dataVersion, query });
  useEffect(() => {
    if (error !== undefined) notify('error', ({ t }) => errorMessage(error, t));
  }, [error, notify]);
  // The previous page stays on screen (dimmed by the grid) until the new one arrives.
  return { page: value ?? null, isLoading };
}

function useColumns(): GridColDef<CustomerRow>[] {
  const { t } = useTranslation();
  const format = useFormat();
  return useMemo(
    () => [
      { field: 'id', headerName: t('customer.id'), width: 110 },
      { field: 'name', headerName: t('customer.name'), flex: 1, minWidth: 160 },
      { field: 'email', headerName: t('customer.email'), flex: 1, minWidth: 180 },
      { field: 'phone', headerName: t('customer.phone'), width: 140 },
      { field: 'city', headerName: t('customer.city'), width: 130 },
      { field: 'orders', headerName: t('customer.orders'), type: 'number', width: 80, valueFormatter: (value: number) => format.count(value) },
      { field: 'revenue', headerName: t('customer.revenue'), type: 'number', width: 120, valueFormatter: (value: number) => format.money(value, 'whole') },
      {
        field: 'lastOrderTs',
        headerName: t('customer.lastOrder'),
        width: 145,
        valueFormatter: (value: number | null) => (value === null ? '—' : format.date(value)),
      },
    ],
    [t, format],
  );
}

export function CustomersTable({ workspace, onOpenCustomer }: { workspace: Workspace; onOpenCustomer(index: number): void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [searchText, setSearchText] = useState('');
  const search = useDebounced(searchText.trim(), 200);
  const [sortModel, setSortModel] = useState<GridSortModel>([]);
  const [pagination, setPagination] = useState<GridPaginationModel>({ page: 0, pageSize: 50 });
  const { page, isLoading } = useCustomerPage(workspace, search, sortModel, pagination);
  const columns = useColumns();

  return (
    <Paper sx={{ p: 2 }} data-testid="customers-table" aria-busy={isLoading}>
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ alignItems: { sm: 'center' }, mb: 1.5 }}>
        <Typography variant="h6" component="h2" sx={{ flexGrow: 1 }}>
          {t('data.customers')}
        </Typography>
        {page && (
          <Typography variant="body2" color="text.secondary" data-testid="customers-matches">
            {t('data.matches', { matched: format.count(page.matched), count: page.total })}
          </Typography>
        )}
        <TextField
          size="small"
          value={searchText}
          onChange={(event) => {
            setSearchText(event.target.value);
            setPagination((current) => ({ ...current, page: 0 }));
          }}
          placeholder={t('data.searchPlaceholder')}
          sx={{ width: { xs: '100%', sm: 'auto' }, flex: { sm: '0 1 380px' }, minWidth: { sm: 240 } }}
          slotProps={{
            htmlInput: { 'aria-label': t('data.searchLabel'), type: 'search' },
            input: { startAdornment: <InputAdornment position="start"><SearchIcon fontSize="small" /></InputAdornment> },
          }}
        />
      </Stack>
      <div style={{ height: 620 }}>
        <DataTable<CustomerRow>
          rows={page?.rows ?? []}
          columns={columns}
          getRowId={(row) => row.index}
          rowCount={page?.matched ?? 0}
          loading={isLoading}
          paginationMode="server"
          sortingMode="server"
          filterMode="server"
          disableColumnFilter
          paginationModel={pagination}
          onPaginationModelChange={setPagination}
          pageSizeOptions={PAGE_SIZES}
          sortModel={sortModel}
          onSortModelChange={setSortModel}
          onRowActivate={(row) => onOpenCustomer(row.index)}
          disableRowSelectionOnClick
          density="compact"
        />
      </div>
    </Paper>
  );
}
