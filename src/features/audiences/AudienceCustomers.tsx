import { Button, Paper, Stack, Typography } from '@mui/material';
import DownloadIcon from '@mui/icons-material/Download';
import type { GridColDef } from '@mui/x-data-grid';
import { useMemo } from 'react';
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

/** The audience's customers, paged in the worker (a row opens the customer card), and their CSV export. */
export function AudienceCustomers({ workspace, request, fileName }: { workspace: Workspace; request: AudienceCountRequest; fileName: string }) {
  const { t } = useTranslation();
  const notify = useAppStore((state) => state.notify);
  const { pagination, setPagination, pageArgs } = useCustomerPaging(25);
  const page = useEngineCall('audiences', 'customers', { ...request, ...pageArgs });
  const columns = useMemo<GridColDef<AudienceCustomerRow>[]>(
    () => [
      { field: 'id', headerName: t('audiences.customers.id'), width: 140, sortable: false },
      { field: 'name', headerName: t('audiences.customers.name'), flex: 1, minWidth: 150, sortable: false },
      { field: 'email', headerName: t('audiences.customers.email'), flex: 1, minWidth: 170, sortable: false },
      { field: 'phone', headerName: t('audiences.customers.phone'), width: 150, sortable: false },
    ],
    [t],
  );

  async function exportCsv() {
    try {
      const all = await engineWorker('audiences').call('customers', { ...request, page: 0, pageSize: Number.MAX_SAFE_INTEGER });
      const header = [t('audiences.customers.id'), t('audiences.customers.name'), t('audiences.customers.email'), t('audiences.customers.phone')];
      downloadText(fileName, csvText([header, ...all.rows.map((row) => [row.id, row.name, row.email, row.phone])]));
      notify('success', t('audiences.exported', { count: all.rows.length }));
    } catch (error) {
      notify('error', errorMessage(error, t));
    }
  }

  return (
    <Paper variant="outlined" sx={{ p: 2 }}>
      <Stack direction="row" sx={{ alignItems: 'center', justifyContent: 'space-between', mb: 1, gap: 1, flexWrap: 'wrap' }}>
        <Typography variant="h6" component="h2">{t('audiences.customers.title')}</Typography>
        <Button size="small" startIcon={<DownloadIcon />} onClick={() => void exportCsv()} data-testid="audience-export">{t('audiences.export')}</Button>
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
    </Paper>
  );
}
