import { Box, Button } from '@mui/material';
import DownloadIcon from '@mui/icons-material/Download';
import type { GridColDef, GridSortModel } from '@mui/x-data-grid';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Workspace } from '../../domain';
import type { RfmSortField } from '../../domain/rfm';
import { useFormat } from '../../ui/format';
import type { RfmCustomerRow, RfmRequest } from '../../engine';
import { CustomerPageTable, CustomersDialog, useCustomerPaging } from '../data/CustomerPages';
import { drillDownFilter, drillDownTitle, type DrillDown } from './drillDown';
import { shownScore, type SegmentLabel } from './segmentLabels';
import { SegmentDot } from './SegmentTable';
import { useEngineCall } from '../../workers/useEngineCall';

type Row = RfmCustomerRow;

const SORTABLE: Record<string, RfmSortField> = { recency: 'recency', frequency: 'frequency', revenue: 'revenue', monetary: 'monetary', scores: 'score' };

interface Props {
  workspace: Workspace;
  request: RfmRequest;
  target: DrillDown;
  labels: SegmentLabel[];
  isExporting: boolean;
  onExport(target: DrillDown): void;
  onClose(): void;
}

function useColumns(request: RfmRequest, labels: SegmentLabel[]): GridColDef<Row>[] {
  const { t } = useTranslation();
  const format = useFormat();
  const { levels, direction } = request.settings;
  return useMemo(
    () => [
      { field: 'id', headerName: t('segments.list.id'), width: 100, sortable: false },
      { field: 'name', headerName: t('segments.list.name'), flex: 1, minWidth: 140, sortable: false },
      { field: 'email', headerName: t('segments.list.email'), flex: 1, minWidth: 150, sortable: false },
      {
        field: 'segment',
        headerName: t('segments.list.segment'),
        width: 160,
        sortable: false,
        renderCell: ({ row }) => (
          <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, height: '100%' }}>
            <SegmentDot color={labels[row.segment]!.color} />
            {labels[row.segment]!.name}
          </Box>
        ),
      },
      {
        field: 'scores',
        headerName: t('segments.list.scores'),
        width: 80,
        valueGetter: (_value, row) => (row.frequency ? [row.r, row.f, row.m].map((score) => shownScore(score, levels, direction)).join(' ') : '—'),
      },
      { field: 'recency', headerName: t('segments.list.recency'), type: 'number', width: 130, valueFormatter: (value: number | null) => (value === null ? '—' : format.count(value)) },
      { field: 'frequency', headerName: t('segments.list.frequency'), type: 'number', width: 85, valueFormatter: (value: number) => format.count(value) },
      { field: 'revenue', headerName: t('segments.list.revenue'), type: 'number', width: 150, valueFormatter: (value: number) => format.money(value, 'whole') },
      { field: 'monetary', headerName: t('segments.list.monetary'), type: 'number', width: 135, valueFormatter: (value: number | null) => (value === null ? '—' : format.money(value, 'whole')) },
    ],
    [t, format, labels, levels, direction],
  );
}

/** The customers behind a segment, heatmap cell or movement: paged in the worker, exportable, each opening its card. */
export function CustomerListDialog({ workspace, request, target, labels, isExporting, onExport, onClose }: Props) {
  const { t } = useTranslation();
  const { pagination, setPagination, pageArgs } = useCustomerPaging();
  const [sortModel, setSortModel] = useState<GridSortModel>([]);
  const sort = sortModel[0]?.sort && SORTABLE[sortModel[0].field] ? { field: SORTABLE[sortModel[0].field]!, isDescending: sortModel[0].sort === 'desc' } : null;
  const answer = useEngineCall('rfm', 'rfmCustomers', { ...request, filter: drillDownFilter(target), sort, ...pageArgs });
  const columns = useColumns(request, labels);
  const title = drillDownTitle(target, labels, request.settings.levels, request.settings.direction, t);
  return (
    <CustomersDialog
      titleId="rfm-list-title"
      title={
        <>
          {target.kind === 'segment' && <SegmentDot color={labels[target.code]!.color} />}
          <span>{title}</span>
        </>
      }
      count={answer.value ? t('segments.list.count', { count: answer.value.matched }) : null}
      countTestId="rfm-list-count"
      hint={t('segments.list.hint')}
      contentTestId="rfm-customer-list"
      maxWidth="xl"
      closeLabel={t('segments.list.close')}
      actions={
        <Button startIcon={<DownloadIcon />} disabled={isExporting || !answer.value?.matched} onClick={() => onExport(target)}>
          {t('segments.list.export')}
        </Button>
      }
      onClose={onClose}
    >
      <CustomerPageTable<Row> workspace={workspace} page={answer} columns={columns} pagination={pagination} onPaginationChange={setPagination} height={520} sorting={{ model: sortModel, onChange: setSortModel }} />
    </CustomersDialog>
  );
}
