import { Alert, Box, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { useActiveWorkspace, useWorkspaceStats } from '../workspaces/useWorkspaces';
import { CustomerCard } from './CustomerCard';
import { CustomersTable } from './CustomersTable';
import { DataSummary } from './DataSummary';
import { EventTypesCard } from './EventTypesCard';
import { DataHeaderActions } from '../import/DataHeaderActions';
import { InterruptedImports } from '../import/InterruptedImports';

const dismissedDemoNotes = new Set<string>();

export function DataScreen() {
  const { t } = useTranslation();
  const workspace = useActiveWorkspace();
  const stats = useWorkspaceStats(workspace);
  const [params, setParams] = useSearchParams();
  const [, rerender] = useState(0);
  const selected = params.get('customer');
  const selectedIndex = selected !== null && /^\d+$/.test(selected) ? Number(selected) : null;

  function select(index: number | null): void {
    setParams(index === null ? {} : { customer: String(index) });
  }

  if (!workspace) return null;
  const isEmpty = stats !== undefined && stats.customers === 0 && stats.events === 0;
  return (
    <Stack spacing={2}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
        <Typography variant="h5" component="h1">
          {t('data.title')}
        </Typography>
        <DataHeaderActions />
      </Stack>
      <InterruptedImports workspace={workspace} />
      {workspace.isDemo && !dismissedDemoNotes.has(workspace.id) && (
        <Alert
          severity="info"
          data-testid="demo-note"
          onClose={() => {
            dismissedDemoNotes.add(workspace.id);
            rerender((n) => n + 1);
          }}
        >
          {t('app.demoCreated', { count: workspace.demo?.customers ?? stats?.customers ?? 0, importAction: t('import.openImport') })}
        </Alert>
      )}
      {isEmpty && <Alert severity="warning" data-testid="empty-workspace">{t('data.emptyWorkspace', { importAction: t('import.openImport') })}</Alert>}
      <DataSummary stats={stats} />
      <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: 'minmax(0, 1fr)', xl: 'minmax(0, 1fr) 360px' }, alignItems: 'start' }}>
        <CustomersTable key={workspace.id} workspace={workspace} onOpenCustomer={select} />
        <EventTypesCard stats={stats} />
      </Box>
      {selectedIndex !== null && <CustomerCard workspace={workspace} customerIndex={selectedIndex} onClose={() => select(null)} />}
    </Stack>
  );
}
