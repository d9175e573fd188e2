import { Button, Paper, Stack, Typography } from '@mui/material';
import DownloadIcon from '@mui/icons-material/Download';
import ViewColumnIcon from '@mui/icons-material/ViewColumnOutlined';
import type { GridColDef } from '@mui/x-data-grid';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Workspace } from '../../domain';
import { csvText } from '../../domain/csv/csvWrite';
import type { AudienceCountRequest, AudienceCustomerRow } from '../../engine/audiences/audienceTypes';
import { useAppStore } from '../../store/appStore';
import { downloadText } from '../../ui/download';
import { errorMessage } from '../../ui/errorMessage';
import { engineWorker } from '../../workers/engineClient';
import { useEngineCall } from '../../workers/useEngineCall';
import { CustomerPageTable, useCustomerPaging } from '../data/CustomerPages';
import { chosenExportColumns, DEFAULT_AUDIENCE_EXPORT_COLUMNS } from '../../domain/audiences/exportColumns';
import type { AudienceDataRequest } from '../../engine/audiences/audienceTypes';
import { ExportColumnsDialog } from './ExportColumnsDialog';
import { useAudienceColumnName } from './useAudienceColumnName';
import { useRememberedExportColumns } from './useExportColumns';

/** Only what names the data (the column list does not change with the condition). */
function dataRequestOf({ workspaceId, dataVersion, segments, audiences }: AudienceDataRequest): AudienceDataRequest {
  return { workspaceId, dataVersion, segments, audiences };
}

/** The columns of an audience's customers table (here and in a profile row's list). */
export function useAudienceCustomerColumns(): GridColDef<AudienceCustomerRow>[] {
  const { t } = useTranslation();
  return useMemo<GridColDef<AudienceCustomerRow>[]>(
    () => [
      { field: 'id', headerName: t('audiences.customers.id'), width: 140, sortable: false },
      { field: 'name', headerName: t('audiences.customers.name'), flex: 1, minWidth: 150, sortable: false },
      { field: 'email', headerName: t('audiences.customers.email'), flex: 1, minWidth: 170, sortable: false },
      { field: 'phone', headerName: t('audiences.customers.phone'), width: 150, sortable: false },
    ],
    [t],
  );
}

/** The audience's customers, paged in the worker (a row opens the customer card), and their CSV export. */
export function AudienceCustomers({ workspace, request, fileName }: { workspace: Workspace; request: AudienceCountRequest; fileName: string }) {
  const { t } = useTranslation();
  const notify = useAppStore((state) => state.notify);
  const { pagination, setPagination, pageArgs } = useCustomerPaging(25);
  const page = useEngineCall('audiences', 'customers', { ...request, ...pageArgs });
  const [remembered, rememberColumns] = useRememberedExportColumns(workspace.id);
  // the chooser edits a draft: Export remembers it (per workspace) and writes the file, Cancel drops it
  const [draftColumns, setDraftColumns] = useState<string[] | null>(null);
  // what the data offers: a remembered column the data no longer has is left out of the export
  const available = useEngineCall('audiences', 'columns', dataRequestOf(request));
  const exportColumns = chosenExportColumns(remembered ?? DEFAULT_AUDIENCE_EXPORT_COLUMNS, available.value);
  const columnName = useAudienceColumnName();
  const columns = useAudienceCustomerColumns();

  async function exportCsv(columns: readonly string[]) {
    setDraftColumns(null);
    try {
      const { rows } = await engineWorker('audiences').call('exportRows', { ...request, columns: [...columns] });
      downloadText(fileName, csvText([columns.map(columnName), ...rows]));
      notify('success', t('audiences.exported', { count: rows.length }));
    } catch (error) {
      notify('error', errorMessage(error, t));
    }
  }

  return (
    <Paper variant="outlined" sx={{ p: 2 }}>
      <Stack direction="row" sx={{ alignItems: 'center', justifyContent: 'space-between', mb: 1, gap: 1, flexWrap: 'wrap' }}>
        <Typography variant="h6" component="h2">{t('audiences.customers.title')}</Typography>
        <Stack direction="row" sx={{ gap: 1 }}>
          <Button size="small" startIcon={<ViewColumnIcon />} onClick={() => setDraftColumns(exportColumns)} data-testid="audience-export-columns">{t('audiences.columns.open')}</Button>
          <Button size="small" startIcon={<DownloadIcon />} onClick={() => void exportCsv(exportColumns)} data-testid="audience-export">{t('audiences.export')}</Button>
        </Stack>
      </Stack>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>{t('audiences.customers.hint')}</Typography>
      <CustomerPageTable<AudienceCustomerRow>
        workspace={workspace}
        page={page}
        columns={columns}
        pagination={pagination}
        onPaginationChange={setPagination}
        height={420}
        data-testid="audience-customers"
        aria-label={t('audiences.customers.title')}
      />
      {draftColumns && (
        <ExportColumnsDialog
          available={available.value}
          chosen={draftColumns}
          onChange={setDraftColumns}
          onExport={() => {
            rememberColumns(draftColumns);
            void exportCsv(draftColumns);
          }}
          onClose={() => setDraftColumns(null)}
        />
      )}
    </Paper>
  );
}
