import { Paper, Stack, Table, TableBody, TableCell, TableHead, TableRow, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { chainControlSizing, controlShareNeeded, type RunsText } from '../../../domain/runs';
import type { SimulationReport } from '../../../domain/simulation';
import { useFormat, type Formatter } from '../../../ui/format';
import { parseNumberInput } from '../../../ui/fieldProblems';
import { useLanguage } from '../../../ui/useLanguage';

const POINT_PARAMS = new Set(['points', 'lift']);
const SHARE_PARAMS = new Set(['relative', 'baseline', 'share']);

/** The sizing texts' parameters: rate differences in points, rates as percentages, group sizes as counts. */
function sizingText(text: RunsText, format: Formatter, t: (key: string, params: Record<string, string>) => string): string {
  const params: Record<string, string> = {};
  for (const [name, value] of Object.entries(text.params)) {
    if (typeof value !== 'number') params[name] = value;
    else if (POINT_PARAMS.has(name)) params[name] = format.decimal(value * 100, 2);
    else if (SHARE_PARAMS.has(name)) params[name] = format.percent(value, 1);
    else params[name] = format.count(value);
  }
  return t(text.key, params);
}

/**
 * Per chain: the smallest lift its control group can show at the size this replay gives it
 * (95 % confidence, 80 % power), and the control share a lift the user types in would need.
 */
export function ControlSizing({ report }: { report: SimulationReport }) {
  const { t } = useTranslation();
  const format = useFormat();
  const language = useLanguage();
  const [liftText, setLiftText] = useState(language === 'ru' ? '1,5' : '1.5');
  const parsed = parseNumberInput(liftText);
  const lift = typeof parsed === 'number' && Number.isFinite(parsed) && parsed > 0 && parsed < 100 ? parsed / 100 : null;
  return (
    <Paper variant="outlined" sx={{ p: 2 }} component="section" aria-labelledby="run-sizing-title" data-testid="run-sizing">
      <Typography variant="h6" component="h2" id="run-sizing-title">{t('runResults.sizing.title')}</Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>{t('runResults.sizing.help')}</Typography>
      <Stack direction="row" sx={{ mb: 2 }}>
        <TextField
          size="small"
          label={t('runResults.sizing.liftLabel')}
          value={liftText}
          onChange={(event) => setLiftText(event.target.value)}
          error={lift === null}
          helperText={lift === null ? t('runResults.sizing.liftInvalid') : t('runResults.sizing.liftHelp')}
          slotProps={{ htmlInput: { inputMode: 'decimal', 'data-testid': 'sizing-lift' } }}
        />
      </Stack>
      <Table size="small">
        <TableHead>
          <TableRow>
            <TableCell>{t('runResults.sizing.chain')}</TableCell>
            <TableCell>{t('runResults.sizing.verdict')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {report.chains.map((chain) => {
            const sizing = chainControlSizing(chain);
            const customers = chain.treatment.customers + chain.control.customers;
            const baseline = customers > 0 ? (chain.treatment.converted + chain.control.converted) / customers : Number.NaN;
            const needed = lift !== null && sizing.ok ? controlShareNeeded(customers, baseline, { value: lift, is: 'points' }) : null;
            return (
              <TableRow key={chain.id} data-testid="sizing-row">
                <TableCell sx={{ verticalAlign: 'top' }}>{chain.name}</TableCell>
                <TableCell>
                  <Typography variant="body2" data-testid="sizing-minimum">{sizingText(sizing.message, format, t)}</Typography>
                  {sizing.ok && sizing.caveats.map((caveat) => <Typography key={caveat} variant="caption" color="text.secondary" component="p">{t(`runs.sizing.caveat.${caveat}`)}</Typography>)}
                  {needed && <Typography variant="body2" data-testid="sizing-share">{sizingText(needed.message, format, t)}</Typography>}
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </Paper>
  );
}
