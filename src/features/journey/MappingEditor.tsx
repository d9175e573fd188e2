import { Box, Button, Paper, Stack, Typography } from '@mui/material';
import AddIcon from '@mui/icons-material/Add';
import RestartAltIcon from '@mui/icons-material/RestartAlt';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { UserFacingError, type Workspace } from '../../domain';
import {
  addStage,
  assignItem,
  defaultStageMapping,
  isDefaultStageId,
  mappingItems,
  moveStage,
  removeStage,
  renameStage,
  stageOfItem,
  type StageMapping,
} from '../../domain/journey';
import { useAppStore } from '../../store/appStore';
import { errorMessage } from '../../ui/errorMessage';
import { useWorkspaceStats } from '../workspaces/useWorkspaces';
import { updateStageMapping } from './journeySettings';
import { stageNames } from './labels';
import { MappingItem } from './MappingItem';
import { DropZone, StageColumn } from './StageColumn';
import { ConfirmDialog, StageNameDialog } from './StageDialogs';

type Dialog = { kind: 'add' } | { kind: 'rename'; stageId: string } | { kind: 'remove'; stageId: string } | { kind: 'reset' } | null;

/** The translated text of an editing mistake (journey.* codes), else the generic one. */
function editError(error: unknown, t: TFunction): string {
  if (error instanceof UserFacingError && error.code.startsWith('journey.')) {
    const key = `journey.mapping.errors.${error.code.slice('journey.'.length)}`;
    const text = t(key, error.params);
    if (text !== key) return text;
  }
  return errorMessage(error, t);
}

/** Stages as drop targets holding their events; drag, or use each item's menu, to reassign. */
export function MappingEditor({ workspace, mapping }: { workspace: Workspace; mapping: StageMapping }) {
  const { t } = useTranslation();
  const notify = useAppStore((state) => state.notify);
  const stats = useWorkspaceStats(workspace);
  const [dialog, setDialog] = useState<Dialog>(null);
  const counts = new Map((stats?.eventTypes ?? []).map((entry) => [entry.type, entry.count]));
  const items = mappingItems(mapping, [...counts.keys()]);
  const names = stageNames(mapping, t);
  const stages = mapping.stages.map((stage, s) => ({ id: stage.id, name: names[s]! }));

  /**
   * Checks an edit against the mapping on screen (so a refused edit is reported at once), then
   * saves it applied to the stored mapping. Returns the error text when the edit is refused.
   */
  function apply(edit: (current: StageMapping) => StageMapping, isFromDialog = false): string | null {
    try {
      edit(mapping);
    } catch (error) {
      const text = editError(error, t);
      if (!isFromDialog) notify('error', ({ t }) => editError(error, t));
      return text;
    }
    updateStageMapping(workspace.id, edit).then(
      () => notify('success', ({ t }) => t('journey.saved')),
      (error: unknown) => notify('error', ({ t }) => editError(error, t)),
    );
    return null;
  }

  // Keeping a default stage's translated name must not freeze it in one language.
  const isDefaultName = (stageId: string, name: string) => isDefaultStageId(stageId) && name.trim() === t(`journey.stages.${stageId}`);
  const move = (item: string, stageId: string | null) => {
    if (stageOfItem(mapping, item) !== stageId) apply((current) => assignItem(current, item, stageId));
  };
  const itemOf = (item: string, isInline = false) => (
    <MappingItem key={item} item={item} isInline={isInline} count={item.startsWith('@') ? undefined : counts.get(item) ?? 0} stages={stages} currentStage={stageOfItem(mapping, item)} onMove={(stageId) => move(item, stageId)} />
  );
  const unassigned = items.filter((item) => stageOfItem(mapping, item) === null);
  const dialogStage = dialog && 'stageId' in dialog ? stages.find((stage) => stage.id === dialog.stageId) : undefined;

  return (
    <Paper sx={{ p: 2 }} data-testid="mapping-editor">
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ alignItems: { md: 'flex-start' }, mb: 2 }}>
        <Box sx={{ flexGrow: 1 }}>
          <Typography variant="h6" component="h2">{t('journey.mapping.title')}</Typography>
          <Typography variant="body2" color="text.secondary">{t('journey.mapping.help')}</Typography>
        </Box>
        <Button startIcon={<AddIcon />} variant="outlined" sx={{ whiteSpace: 'nowrap', flexShrink: 0 }} onClick={() => setDialog({ kind: 'add' })} data-testid="mapping-add-stage">{t('journey.mapping.addStage')}</Button>
        <Button startIcon={<RestartAltIcon />} sx={{ whiteSpace: 'nowrap', flexShrink: 0 }} onClick={() => setDialog({ kind: 'reset' })} data-testid="mapping-reset">{t('journey.mapping.reset')}</Button>
      </Stack>
      <Box sx={{ display: 'grid', gap: 1.5, gridTemplateColumns: 'repeat(auto-fill, minmax(165px, 1fr))' }}>
        {mapping.stages.map((stage, s) => {
          const stageItems = items.filter((item) => stageOfItem(mapping, item) === stage.id);
          return (
            <StageColumn
              key={stage.id}
              stage={stage}
              position={s}
              name={names[s]!}
              stageCount={mapping.stages.length}
              onDropItem={(item) => move(item, stage.id)}
              onMove={(delta) => apply((current) => moveStage(current, stage.id, delta))}
              onRename={() => setDialog({ kind: 'rename', stageId: stage.id })}
              onRemove={() => setDialog({ kind: 'remove', stageId: stage.id })}
            >
              {stageItems.length ? stageItems.map((item) => itemOf(item)) : <Typography variant="caption" color="text.disabled">{t('journey.mapping.dropHere')}</Typography>}
            </StageColumn>
          );
        })}
      </Box>
      <DropZone testId="mapping-unassigned" onDropItem={(item) => move(item, null)} sx={{ mt: 2 }}>
        <Paper variant="outlined" sx={{ p: 1.5, bgcolor: 'grey.50' }}>
          <Typography variant="subtitle2">{t('journey.mapping.unassigned')}</Typography>
          <Typography variant="caption" color="text.secondary" component="div" sx={{ mb: 1 }}>{t('journey.mapping.unassignedHint')}</Typography>
          <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 1 }}>{unassigned.map((item) => itemOf(item, true))}</Stack>
        </Paper>
      </DropZone>
      {dialog?.kind === 'add' && (
        <StageNameDialog
          title={t('journey.mapping.addStageTitle')}
          initialName=""
          positions={[{ value: '', label: t('journey.mapping.atEnd') }, ...stages.map((stage) => ({ value: stage.id, label: stage.name }))]}
          onSubmit={(name, after) => apply((current) => addStage(current, name, after || undefined).mapping, true)}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog?.kind === 'rename' && dialogStage && (
        <StageNameDialog
          title={t('journey.mapping.renameTitle')}
          initialName={dialogStage.name}
          hint={isDefaultStageId(dialogStage.id) ? t('journey.mapping.renameHint', { name: t(`journey.stages.${dialogStage.id}`) }) : undefined}
          onSubmit={(name) => apply((current) => renameStage(current, dialogStage.id, isDefaultName(dialogStage.id, name) ? '' : name), true)}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog?.kind === 'remove' && dialogStage && (
        <ConfirmDialog
          title={t('journey.mapping.removeTitle', { name: dialogStage.name })}
          body={t('journey.mapping.removeBody', { count: items.filter((item) => stageOfItem(mapping, item) === dialogStage.id).length })}
          onConfirm={() => apply((current) => removeStage(current, dialogStage.id))}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog?.kind === 'reset' && (
        <ConfirmDialog title={t('journey.mapping.resetTitle')} body={t('journey.mapping.resetBody')} onConfirm={() => apply(() => defaultStageMapping())} onClose={() => setDialog(null)} />
      )}
    </Paper>
  );
}
