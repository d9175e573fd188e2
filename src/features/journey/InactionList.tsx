import { Alert, Button, Paper, Stack, Typography } from '@mui/material';
import DownloadIcon from '@mui/icons-material/Download';
import type { GridColDef, GridPaginationModel } from '@mui/x-data-grid';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InactionListId, InactionRow } from '../../domain/journey';
import { useAppStore } from '../../store/appStore';
import { errorMessage } from '../../ui/errorMessage';
import { DataTable } from '../../ui/DataTable';
import { useFormat } from '../../ui/format';
import type { JourneyRequest } from '../../engine';
import { engineWorker } from '../../workers/engineClient';
import { useEngineCall } from '../../workers/useEngineCall';
import { downloadText } from '../../ui/download';
import type { JourneySettings } from './journeySettings';
import { stageName, stageNames, statusLabel } from './labels';

const PAGE_SIZES = [25, 50, 100];

function usePage(request: JourneyRequest, list: InactionListId, pagination: GridPaginationModel) {
  const notify = useAppStore((state) => state.notify);
  const { value, error, isLoading } = useEngineCall('journey', 'inactionPage', { ...request, list, page: pagination.page, pageSize: pagination.pageSize });
  useEffect(() => {
    if (error !== undefined) notify('error', ({ t }) => errorMessage(error, t));
  }, [error, notify]);
  return { page: value ?? null, isLoading };
}

function useColumns(list: InactionListId, settings: JourneySettings): GridColDef<InactionRow>[] {
  const { t } = useTranslation();
  const format = useFormat();
  return useMemo(() => [
    { field: 'id', headerName: t('customer.id'), width: 110, sortable: false },
    { field: 'name', headerName: t('customer.name'), flex: 1, minWidth: 150, sortable: false },
    { field: 'email', headerName: t('customer.email'), flex: 1, minWidth: 170, sortable: false },
    { field: 'phone', headerName: t('customer.phone'), width: 140, sortable: false },
    { field: 'stageId', headerName: t('journey.inaction.stage'), width: 130, sortable: false, valueFormatter: (value: string | null) => stageName(settings.mapping, value, t) },
    { field: 'lifecycle', headerName: t('journey.inaction.status'), width: 120, sortable: false, valueFormatter: (value: InactionRow['lifecycle']) => statusLabel(value, t) },
    { field: 'orders', headerName: t('journey.inaction.orders'), type: 'number', width: 80, sortable: false, valueFormatter: (value: number) => format.count(value) },
    {
      field: 'since',
      headerName: t(`journey.inaction.keyDate.${list}`),
      width: 150,
      sortable: false,
      valueFormatter: (value: number | null) => (value === null ? t('journey.inaction.unknownDate') : format.date(value)),
    },
    { field: 'days', headerName: t('journey.inaction.daysSince'), type: 'number', width: 120, sortable: false, valueFormatter: (value: number | null) => (value === null ? t('journey.funnel.none') : format.count(value)) },
  ], [t, format, list, settings.mapping]);
}

/** One inaction list: its customers page by page, the card on click, the whole list as CSV. */
export function InactionList({ list, settings, request, onOpenCustomer }: { list: InactionListId; settings: JourneySettings; request: JourneyRequest; onOpenCustomer(index: number): void }) {
  const { t } = useTranslation();
  const notify = useAppStore((state) => state.notify);
  const [pagination, setPagination] = useState<GridPaginationModel>({ page: 0, pageSize: 25 });
  const { page, isLoading } = usePage(request, list, pagination);
  const columns = useColumns(list, settings);
  const [isExporting, setExporting] = useState(false);

  async function exportCsv(): Promise<void> {
    setExporting(true);
    try {
      const file = await engineWorker('journey').call('inactionExport', { ...request, list, stageNames: stageNames(settings.mapping, t) });
      downloadText(file.fileName, file.text);
      notify('success', ({ t }) => t('journey.inaction.downloaded', { file: file.fileName, count: file.rows }));
    } catch (error) {
      notify('error', ({ t }) => errorMessage(error, t));
    } finally {
      setExporting(false);
    }
  }

  return (
    <Paper sx={{ p: 2 }} data-testid="inaction-list">
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ alignItems: { sm: 'center' }, mb: 1.5 }}>
        <ListHeading list={list} total={page?.total ?? null} />
        <Button variant="outlined" startIcon={<DownloadIcon />} disabled={isExporting || !page || page.total === 0} onClick={() => void exportCsv()} data-testid="inaction-download">
          {t('journey.inaction.download')}
        </Button>
      </Stack>
      {page && page.total === 0 ? (
        <Alert severity="info">{t('journey.inaction.empty')}</Alert>
      ) : (
        <div style={{ height: 560 }}>
          <DataTable<InactionRow>
            rows={page?.rows ?? []}
            columns={columns}
            getRowId={(row) => row.index}
            rowCount={page?.total ?? 0}
            loading={isLoading}
            paginationMode="server"
            paginationModel={pagination}
            onPaginationModelChange={setPagination}
            pageSizeOptions={PAGE_SIZES}
            disableColumnFilter
            disableColumnMenu
            disableRowSelectionOnClick
            onRowActivate={(row) => onOpenCustomer(row.index)}
            density="compact"
            />
        </div>
      )}
    </Paper>
  );
}

function ListHeading({ list, total }: { list: InactionListId; total: number | null }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Stack sx={{ flexGrow: 1 }}>
      <Typography variant="h6" component="h3">
        {t(`journey.inaction.lists.${list}`)}{total !== null ? ` · ${format.count(total)}` : ''}
      </Typography>
      <Typography variant="body2" color="text.secondary">{t('journey.inaction.openCard')}</Typography>
    </Stack>
  );
}
