import type { GridColDef } from '@mui/x-data-grid';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Workspace } from '../../domain';
import type { MetricsCustomerRow, MetricsRequest } from '../../engine';
import { useEngineCall } from '../../workers/useEngineCall';
import { CustomerPageTable, CustomersDialog, useCustomerPaging } from '../data/CustomerPages';
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
  const { pagination, setPagination, pageArgs } = useCustomerPaging();
  const answer = useEngineCall('metrics', 'metricsCellCustomers', { ...request, cohortPeriod: target.period, k: target.k, ...pageArgs });
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
    <CustomersDialog
      titleId="metrics-customers-title"
      title={<span>{t('metrics.customers.title', { cohort: target.cohort, what })}</span>}
      count={answer.value ? t('metrics.customers.count', { count: answer.value.matched, formatted: format.count(answer.value.matched) }) : null}
      countTestId="metrics-customers-count"
      hint={t('metrics.customers.hint')}
      contentTestId="metrics-customers"
      maxWidth="lg"
      closeLabel={t('metrics.customers.close')}
      onClose={onClose}
    >
      <CustomerPageTable<MetricsCustomerRow> workspace={workspace} page={answer} columns={columns} pagination={pagination} onPaginationChange={setPagination} height={480} />
    </CustomersDialog>
  );
}
