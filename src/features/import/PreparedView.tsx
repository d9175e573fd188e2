import { Box, Button, Stack, Typography } from '@mui/material';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ColumnMapping, ImportBatch, ImportPreview } from '../../domain';
import { useFormat } from '../../ui/format';
import { missingGroups, type ReadChoices } from './importModel';
import { MappingTable } from './MappingTable';
import { PresetBar } from './PresetBar';
import { ReadSettingsPanel } from './ReadSettingsPanel';

/** A file read and mapped, ready to import. */
export interface Prepared {
  file: File;
  preview: ImportPreview;
  choices: ReadChoices;
  mapping: ColumnMapping;
  resumeOf?: ImportBatch;
}

interface PreparedViewProps {
  prepared: Prepared;
  onChoices: (prepared: Prepared, choices: ReadChoices) => void;
  onMapping: (mapping: ColumnMapping) => void;
  onRun: (prepared: Prepared) => void;
  onOther: () => void;
}

/**
 * The detected settings, the mapping and the first rows. Memoised, and made inert rather than
 * re-rendered while the import runs: re-rendering this big table at the click was the one long
 * main-thread task of an import.
 */
export const PreparedView = memo(function PreparedView({ prepared, onChoices, onMapping, onRun, onOther }: PreparedViewProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const { file, preview, choices, mapping } = prepared;
  const kind = preview.kind;
  // a kind the columns do not show must be chosen (planning refuses to guess it)
  const isKindMissing = preview.isKindUncertain && choices.kind === undefined;
  const isComplete = missingGroups(kind, mapping).length === 0 && !isKindMissing;
  return (
    <Stack spacing={2}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
        <Typography variant="subtitle1" data-testid="import-file">
          {t('import.file', { name: file.name, size: format.bytes(file.size), count: preview.estimatedRows })}
        </Typography>
        <Box sx={{ flexGrow: 1 }} />
        <Button onClick={onOther}>{t('import.drop.other')}</Button>
      </Stack>
      <ReadSettingsPanel preview={preview} choices={choices} onChange={(next) => onChoices(prepared, next)} />
      <PresetBar preview={preview} kind={kind} mapping={mapping} onApply={onMapping} />
      <MappingTable preview={preview} kind={kind} mapping={mapping} onChange={onMapping} />
      <Stack direction="row">
        <Button variant="contained" size="large" disabled={!isComplete} onClick={() => onRun(prepared)} data-testid="import-run">
          {t('import.run.startRows', { count: preview.estimatedRows })}
        </Button>
      </Stack>
    </Stack>
  );
});
