import { Alert, Box, Button, LinearProgress, Paper, Stack, TextField, Typography } from '@mui/material';
import SaveIcon from '@mui/icons-material/Save';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Workspace } from '../../domain';
import type { ConditionGroup } from '../../domain/conditions/types';
import type { WorkspaceVocabulary } from '../../domain/conditions/vocabulary';
import type { AudienceCountRequest, AudienceDataRequest } from '../../engine/audiences/audienceTypes';
import { DateField } from '../../ui/DateField';
import { errorMessage } from '../../ui/errorMessage';
import { useFormat } from '../../ui/format';
import { useDebounced } from '../../ui/useDebounced';
import { useEngineCall } from '../../workers/useEngineCall';
import { ConditionBuilder } from '../conditions/ConditionBuilder';
import { AudienceCustomers } from './AudienceCustomers';
import { AudienceProfilePanel } from './AudienceProfilePanel';
import { STALE_TEXT } from '../../ui/stale';

export interface AudienceDraft {
  id: string;
  name: string;
  description: string;
  condition: ConditionGroup;
  isNew: boolean;
}

const NO_CONTEXT = { isInChain: false };

/** Name, condition builder with live counts (whole and per part), as-of date, save; the customers below. */
export function AudienceEditor({ workspace, draft, onChange, onSave, isDirty, base, vocabulary, usedBy }: {
  workspace: Workspace;
  draft: AudienceDraft;
  onChange(next: AudienceDraft): void;
  onSave(): void;
  isDirty: boolean;
  base: AudienceDataRequest | null;
  vocabulary: WorkspaceVocabulary | null;
  usedBy: string[];
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const [asOf, setAsOf] = useState<string | null>(null);
  // typing counts once it pauses, not on every key; the worker cancels the count it replaces
  const condition = useDebounced(draft.condition, 150);
  const request: AudienceCountRequest | null = base ? { ...base, condition, asOf, selfId: draft.id } : null;
  const count = useEngineCall('audiences', 'count', request);
  // the answer is the count of what is on screen only once the typing it waits for has been sent
  const isCounted = count.isCurrent && condition === draft.condition;
  const value = count.value;
  const partNotes = useMemo(() => (value ? Object.fromEntries(value.parts.map((part) => [part.path, t('conditions.keeps', { formatted: format.count(part.count) })])) : undefined), [value, t, format]);
  const share = value && value.customerCount ? value.size / value.customerCount : 0;
  return (
    <Stack spacing={2}>
      <Paper variant="outlined" sx={{ p: 2 }}>
        <Stack spacing={2}>
          <Stack direction={{ xs: 'column', md: 'row' }} sx={{ gap: 2 }}>
            <TextField size="small" label={t('audiences.name')} value={draft.name} onChange={(event) => onChange({ ...draft, name: event.target.value })} sx={{ flex: 1 }} slotProps={{ htmlInput: { 'data-testid': 'audience-name', maxLength: 120 } }} />
            <DateField label={t('audiences.asOf')} value={asOf ?? value?.defaultAsOf ?? null} onChange={(next) => setAsOf(next && next !== value?.defaultAsOf ? next : null)} helperText={t('audiences.asOfHelp')} testId="audience-as-of" sx={{ minWidth: 200 }} />
          </Stack>
          <TextField size="small" multiline minRows={1} label={t('audiences.description')} value={draft.description} onChange={(event) => onChange({ ...draft, description: event.target.value })} slotProps={{ htmlInput: { maxLength: 1000, 'data-testid': 'audience-description' } }} />
          {usedBy.length > 0 && <Alert severity="info">{t('audiences.renameUsed', { names: usedBy.join(', ') })}</Alert>}
          <Box role="status" aria-live="polite" data-testid="audience-count" data-size={value && isCounted ? value.size : ''}>
            {value ? (
              <Typography variant="h6" component="p" color={isCounted ? 'text.primary' : STALE_TEXT}>
                {t('audiences.count', { formatted: format.count(value.size), total: format.count(value.customerCount), share: format.percent(share) })}
              </Typography>
            ) : (
              <Typography color="text.secondary">{t('audiences.counting')}</Typography>
            )}
            {count.isLoading && <LinearProgress aria-label={t('audiences.counting')} sx={{ mt: 0.5 }} />}
          </Box>
          {count.error !== undefined && <Alert severity="error">{errorMessage(count.error, t)}</Alert>}
          <ConditionBuilder value={draft.condition} onChange={(next) => onChange({ ...draft, condition: next })} vocabulary={vocabulary} context={NO_CONTEXT} testId="audience-condition" partNotes={isCounted ? partNotes : undefined} />
          <Stack direction="row" sx={{ gap: 1, alignItems: 'center' }}>
            <Button variant="contained" startIcon={<SaveIcon />} onClick={onSave} disabled={!isDirty || !draft.name.trim()} data-testid="audience-save">{t('audiences.save')}</Button>
            {isDirty && <Typography variant="body2" color="text.secondary">{t('audiences.unsaved')}</Typography>}
          </Stack>
        </Stack>
      </Paper>
      {request && <AudienceProfilePanel workspace={workspace} request={request} audienceName={draft.name.trim()} vocabulary={vocabulary} />}
      {request && <AudienceCustomers workspace={workspace} request={request} fileName={`${draft.name.trim() || 'audience'}.csv`} />}
    </Stack>
  );
}
