import { Button, MenuItem, Paper, Stack, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SavedAudience } from '../../domain/audiences/audience';
import { overlapConditions } from '../../domain/audiences/profile';
import type { ConditionGroup } from '../../domain/conditions/types';
import type { AudienceDataRequest } from '../../engine/audiences/audienceTypes';
import { useFormat } from '../../ui/format';
import { useEngineCall } from '../../workers/useEngineCall';
import { STALE_TEXT } from '../../ui/stale';

type Part = 'onlyA' | 'both' | 'onlyB';
const PARTS: readonly Part[] = ['onlyA', 'both', 'onlyB'];

/** Overlap of two saved audiences: only A / both / only B, counted in the worker; each part opens as a new audience (its condition: "in A and not in B" …). */
export function OverlapPanel({ audiences, base, onOpen }: { audiences: readonly SavedAudience[]; base: AudienceDataRequest | null; onOpen(condition: ConditionGroup, name: string): void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [chosen, setChosen] = useState<{ a: string; b: string }>({ a: '', b: '' });
  const a = audiences.find((audience) => audience.id === chosen.a) ?? audiences[0];
  const b = audiences.find((audience) => audience.id === chosen.b && audience.id !== a?.id) ?? audiences.find((audience) => audience.id !== a?.id);
  const conditions = a && b ? overlapConditions(a, b) : null;
  const request = (part: Part) => (conditions && base ? { ...base, condition: conditions[part], asOf: null } : null);
  const counts = { onlyA: useEngineCall('audiences', 'count', request('onlyA')), both: useEngineCall('audiences', 'count', request('both')), onlyB: useEngineCall('audiences', 'count', request('onlyB')) };
  const partName = (part: Part) => (part === 'both' ? t('audiences.overlap.nameBoth', { a: a?.name, b: b?.name }) : part === 'onlyA' ? t('audiences.overlap.nameOnlyA', { a: a?.name, b: b?.name }) : t('audiences.overlap.nameOnlyA', { a: b?.name, b: a?.name }));
  const select = (key: 'a' | 'b', value: SavedAudience | undefined) => (
    <TextField select size="small" label={t(`audiences.overlap.${key}`)} value={value?.id ?? ''} onChange={(event) => setChosen({ ...chosen, [key]: event.target.value })} sx={{ minWidth: 0, flex: 1 }} slotProps={{ htmlInput: { 'data-testid': `audience-overlap-${key}` } }}>
      {audiences.filter((audience) => key === 'a' || audience.id !== a?.id).map((audience) => (
        <MenuItem key={audience.id} value={audience.id}>{audience.name}</MenuItem>
      ))}
    </TextField>
  );
  return (
    <Paper variant="outlined" sx={{ p: 1.5 }} data-testid="audience-overlap">
      <Typography variant="h6" component="h2" sx={{ mb: 1 }}>{t('audiences.overlap.title')}</Typography>
      {audiences.length < 2 ? (
        <Typography variant="body2" color="text.secondary">{t('audiences.overlap.needTwo')}</Typography>
      ) : (
        <Stack spacing={1}>
          <Stack direction="row" sx={{ gap: 1 }}>
            {select('a', a)}
            {select('b', b)}
          </Stack>
          <Stack direction="row" sx={{ gap: 1 }}>
            {PARTS.map((part) => {
              const count = counts[part];
              return (
                <Button
                  key={part}
                  variant="outlined"
                  size="small"
                  disabled={!conditions}
                  onClick={() => conditions && onOpen(conditions[part], partName(part))}
                  aria-label={t('audiences.overlap.open', { part: partName(part) })}
                  data-testid={`audience-overlap-${part}`}
                  data-size={count.isCurrent && count.value ? count.value.size : ''}
                  sx={{ flex: 1, flexDirection: 'column', textTransform: 'none', color: count.isCurrent ? undefined : STALE_TEXT }}
                >
                  <Typography variant="caption">{t(`audiences.overlap.${part}`)}</Typography>
                  <Typography variant="subtitle1" component="span">{count.value ? format.count(count.value.size) : '…'}</Typography>
                </Button>
              );
            })}
          </Stack>
        </Stack>
      )}
    </Paper>
  );
}
