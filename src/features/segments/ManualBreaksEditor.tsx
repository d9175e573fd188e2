import { Alert, Box, Button, Stack, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { manualCutsProblem, RFM_MEASURES, type RfmManualBreaks, type RfmMeasure } from '../../domain/rfm';

interface Props {
  levels: number;
  breaks: RfmManualBreaks;
  onApply(breaks: RfmManualBreaks): void;
  quantileCuts(): Promise<RfmManualBreaks>;
}

type Drafts = Record<RfmMeasure, string>;

function toDrafts(breaks: RfmManualBreaks): Drafts {
  return { recency: breaks.recency.join(', '), frequency: breaks.frequency.join(', '), monetary: breaks.monetary.join(', ') };
}

/** Parses "7, 30, 90" (a decimal comma inside a number is not allowed: commas separate). */
function parseDraft(text: string): { cuts: number[]; badValue: string | null } {
  const parts = text.split(/[,;]/).map((part) => part.trim()).filter((part) => part !== '');
  const cuts: number[] = [];
  for (const part of parts) {
    const value = Number(part.replace(/\s/g, ''));
    if (!Number.isFinite(value)) return { cuts, badValue: part };
    cuts.push(value);
  }
  return { cuts, badValue: null };
}

/** Cut points per measure, typed as text; applied together once all three are usable. */
export function ManualBreaksEditor({ levels, breaks, onApply, quantileCuts }: Props) {
  const { t } = useTranslation();
  const [drafts, setDrafts] = useState<Drafts>(() => toDrafts(breaks));
  const parsed = Object.fromEntries(RFM_MEASURES.map((measure) => [measure, parseDraft(drafts[measure])])) as Record<RfmMeasure, ReturnType<typeof parseDraft>>;

  function problemOf(measure: RfmMeasure): string | null {
    const { cuts, badValue } = parsed[measure];
    if (badValue !== null) return t('segments.manual.notNumber', { value: badValue });
    const problem = manualCutsProblem(cuts, levels);
    if (!problem) return null;
    if (problem.code === 'rfm.manualCount') return t('segments.manual.wrongCount', { expected: levels - 1, got: cuts.length });
    return t('segments.manual.notIncreasing');
  }

  const problems = RFM_MEASURES.map(problemOf);
  const isUsable = problems.every((problem) => problem === null);
  const isChanged = JSON.stringify(toDrafts(breaks)) !== JSON.stringify(drafts);

  function apply(): void {
    if (!isUsable) return;
    onApply({ recency: parsed.recency.cuts, frequency: parsed.frequency.cuts, monetary: parsed.monetary.cuts });
  }

  return (
    <Box sx={{ mt: 2 }} data-testid="rfm-manual-breaks">
      <Typography variant="subtitle2">{t('segments.manual.title')}</Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1.5 }}>{t('segments.manual.help')}</Typography>
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} component="form" onSubmit={(event) => { event.preventDefault(); apply(); }}>
        {RFM_MEASURES.map((measure, index) => (
          <TextField
            key={measure}
            size="small"
            label={t(`segments.manual.${measure}`)}
            value={drafts[measure]}
            onChange={(event) => setDrafts({ ...drafts, [measure]: event.target.value })}
            error={problems[index] !== null}
            helperText={problems[index] ?? t('segments.manual.expected', { expected: levels - 1, levels })}
            sx={{ flex: 1 }}
            slotProps={{ htmlInput: { 'data-testid': `rfm-manual-${measure}` } }}
          />
        ))}
        <Box>
          <Button type="submit" variant="contained" disabled={!isUsable || !isChanged}>{t('segments.manual.apply')}</Button>
        </Box>
      </Stack>
      <Button size="small" sx={{ mt: 1 }} onClick={() => void quantileCuts().then((cuts) => setDrafts(toDrafts(cuts)))}>
        {t('segments.manual.fromCurrent')}
      </Button>
      {!isUsable && isChanged && <Alert severity="warning" sx={{ mt: 1 }}>{problems.find((problem) => problem !== null)}</Alert>}
    </Box>
  );
}
