import { Button, Dialog, DialogActions, DialogContent, DialogTitle, Stack, Typography } from '@mui/material';
import { DataGrid, type GridColDef, type GridPaginationModel } from '@mui/x-data-grid';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Workspace } from '../../domain';
import type { MetricsCustomerRow, MetricsRequest } from '../../engine';
import { useEngineCall } from '../../workers/useEngineCall';
import { CustomerCard } from '../data/CustomerCard';
import type { CohortCellTarget } from './CohortTable';
import type { MetricsFormat } from './metricsFormat';

/** The customers behind a cohort cell, paged in the worker; a row opens the customer card. */
export function CohortCustomersDialog({ workspace, request, target, periodName, format, onClose }: {
  workspace: Workspace;
  request: MetricsRequest;
  target: CohortCellTarget;
  /** "M3", or null for the whole cohort */
  periodName: string | null;
  format: MetricsFormat;
  onClose(): void;
}) {
  const { t } = useTranslation();
  const [pagination, setPagination] = useState<GridPaginationModel>({ page: 0, pageSize: 50 });
  const [openCustomer, setOpenCustomer] = useState<number | null>(null);
  const answer = useEngineCall('metrics', 'metricsCellCustomers', { ...request, cohortPeriod: target.period, k: target.k, page: pagination.page, pageSize: pagination.pageSize });
  const columns = useMemo<GridColDef<MetricsCustomerRow>[]>(
    () => [
      { field: 'id', headerName: t('metrics.customers.id'), width: 110, sortable: false },
      { field: 'name', headerName: t('metrics.customers.name'), flex: 1, minWidth: 150, sortable: false },
      { field: 'email', headerName: t('metrics.customers.email'), flex: 1, minWidth: 170, sortable: false },
      { field: 'firstOrder', headerName: t('metrics.customers.firstOrder'), width: 130, sortable: false, valueFormatter: (value: string) => format.calendarDate(value) },
      { field: 'lastOrder', headerName: t('metrics.customers.lastOrder'), width: 130, sortable: false, valueFormatter: (value: string) => format.calendarDate(value) },
      { field: 'orders', headerName: t('metrics.customers.orders'), type: 'number', width: 90, sortable: false, valueFormatter: (value: number) => format.count(value) },
      { field: 'netRevenue', headerName: t('metrics.customers.netRevenue'), type: 'number', width: 140, sortable: false, valueFormatter: (value: number) => format.money(value) },
    ],
    [t, format],
  );
  const what = periodName === null ? t('metrics.customers.all') : t('metrics.customers.active', { period: periodName });
  return (
    <>
      <Dialog open onClose={onClose} fullWidth maxWidth="lg" aria-labelledby="metrics-customers-title">
        <DialogTitle id="metrics-customers-title">
          <Stack direction="row" spacing={1.5} sx={{ alignItems: 'baseline', flexWrap: 'wrap' }}>
            <span>{t('metrics.customers.title', { cohort: target.cohort, what })}</span>
            {answer.value && (
              <Typography component="span" color="text.secondary" data-testid="metrics-customers-count">
                {t('metrics.customers.count', { count: answer.value.matched, formatted: format.count(answer.value.matched) })}
              </Typography>
            )}
          </Stack>
        </DialogTitle>
        <DialogContent dividers data-testid="metrics-customers">
          <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>{t('metrics.customers.hint')}</Typography>
          <div style={{ height: 480 }}>
            <DataGrid<MetricsCustomerRow>
              rows={answer.value?.rows ?? []}
              columns={columns}
              getRowId={(row) => row.index}
              rowCount={answer.value?.matched ?? 0}
              loading={answer.isLoading}
              paginationMode="server"
              disableColumnFilter
              paginationModel={pagination}
              onPaginationModelChange={setPagination}
              pageSizeOptions={[25, 50, 100]}
              onRowClick={(params) => setOpenCustomer(params.row.index)}
              disableRowSelectionOnClick
              density="compact"
              sx={{ '& .MuiDataGrid-row': { cursor: 'pointer' } }}
            />
          </div>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>{t('metrics.customers.close')}</Button>
        </DialogActions>
      </Dialog>
      {openCustomer !== null && <CustomerCard workspace={workspace} customerIndex={openCustomer} onClose={() => setOpenCustomer(null)} />}
    </>
  );
}
