import { Alert, Button, Stack } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import type { StoredImport } from '../../db/repositories/importRepository';
import type { Workspace } from '../../domain';
import { useAppStore } from '../../store/appStore';
import { engineWorker } from '../../workers/engineClient';
import { importErrorText } from './importErrors';
import { useImportHistory } from './useImportHistory';

/** On the Data screen: imports that were interrupted (tab closed, crash), with Remove and Resume. */
export function InterruptedImports({ workspace }: { workspace: Workspace }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const notify = useAppStore((state) => state.notify);
  const entries = useImportHistory(workspace.id)?.filter((entry) => entry.status === 'interrupted') ?? [];
  if (entries.length === 0) return null;
  return (
    <Stack spacing={1}>
      {entries.map(({ batch }) => (
        <Alert
          key={batch.id}
          severity="warning"
          data-testid="import-interrupted"
          action={
            <Stack direction="row" spacing={1}>
              <Button
                color="inherit"
                size="small"
                onClick={() =>
                  void engineWorker('import')
                    .call('remove', { workspaceId: workspace.id, batchId: batch.id })
                    .then(() => notify('success', ({ t }) => t('import.history.removed')))
                    .catch((error: unknown) => notify('error', ({ t }) => importErrorText(error, t)))
                }
              >
                {t('import.interrupted.remove')}
              </Button>
              <Button color="inherit" size="small" onClick={() => navigate(`/data/import?resume=${batch.id}`)}>
                {t('import.interrupted.resume')}
              </Button>
            </Stack>
          }
        >
          {t('import.interrupted.message', { file: batch.sourceName, count: (batch.report as StoredImport | undefined)?.progress?.rows ?? 0 })}
        </Alert>
      ))}
    </Stack>
  );
}
