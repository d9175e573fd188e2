import { Box, FormControl, IconButton, InputLabel, MenuItem, Paper, Select, Stack, TextField, ToggleButton, ToggleButtonGroup, Tooltip, Typography } from '@mui/material';
import RestartAltIcon from '@mui/icons-material/RestartAlt';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatEpochDay } from '../../domain/time';
import { RFM_LEVELS, type RfmLevels, type RfmMethod, type RfmMonetaryMode, type RfmSettings, type ScoreDirection } from '../../domain/rfm';
import { DateField } from '../../ui/DateField';
import { useFormat } from '../../ui/format';
import type { RfmMeta } from '../../engine';
import { ManualBreaksEditor } from './ManualBreaksEditor';

const PERIOD_PRESETS = [90, 180, 365, 730] as const;
const METHOD_LABELS: Record<RfmMethod, string> = { quantile: 'methodQuantile', ntile: 'methodNtile', manual: 'methodManual' };
const METHOD_HELP: Record<RfmMethod, string> = { quantile: 'methodHelpQuantile', ntile: 'methodHelpNtile', manual: 'methodHelpManual' };

interface Props {
  settings: RfmSettings;
  meta: RfmMeta | undefined;
  onChange(change: Partial<RfmSettings>): void;
  /** Quantile cut points of the current data, to start manual thresholds from. */
  quantileCuts(): Promise<RfmSettings['manualBreaks'][`${RfmLevels}`]>;
}

function AnalysisDate({ settings, meta, onChange }: Pick<Props, 'settings' | 'meta' | 'onChange'>) {
  const { t } = useTranslation();
  const format = useFormat();
  const defaultDate = meta && !Number.isNaN(meta.defaultAsOfDay) ? formatEpochDay(meta.defaultAsOfDay) : null;
  const lastOrder = meta && !Number.isNaN(meta.lastOrderDay) ? format.calendarDate(formatEpochDay(meta.lastOrderDay)) : '…';
  const outside = meta?.outsideOrders ?? 0;
  return (
    <Stack direction="row" sx={{ alignItems: 'flex-start' }}>
      <DateField
        label={t('segments.settings.asOf')}
        value={settings.asOf ?? defaultDate}
        onChange={(date) => onChange({ asOf: date })}
        helperText={
          <span data-testid="rfm-as-of-help">
            {settings.asOf ? t('segments.settings.asOfCustom', { date: lastOrder }) : t('segments.settings.asOfDefault', { date: defaultDate ? format.calendarDate(defaultDate) : '…' })}
            {outside > 0 && ` ${t('segments.settings.outsideOrders', { count: outside })}`}
          </span>
        }
        testId="rfm-as-of"
        sx={{ width: 250 }}
      />
      {settings.asOf && (
        <Tooltip title={t('segments.settings.asOfReset')}>
          <IconButton aria-label={t('segments.settings.asOfReset')} onClick={() => onChange({ asOf: null })} sx={{ mt: 0.5 }}>
            <RestartAltIcon />
          </IconButton>
        </Tooltip>
      )}
    </Stack>
  );
}

const MAX_PERIOD_DAYS = 36_500;

function PeriodField({ settings, onChange }: Pick<Props, 'settings' | 'onChange'>) {
  const { t } = useTranslation();
  const format = useFormat();
  const isPreset = settings.periodDays === null || (PERIOD_PRESETS as readonly number[]).includes(settings.periodDays);
  const [isCustom, setCustom] = useState(!isPreset);
  const [draft, setDraft] = useState(String(settings.periodDays ?? 365));
  const draftDays = Number(draft);
  const isDraftValid = /^\d+$/.test(draft.trim()) && draftDays >= 1 && draftDays <= MAX_PERIOD_DAYS;
  const selected = isCustom ? 'custom' : settings.periodDays === null ? 'all' : String(settings.periodDays);
  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'flex-start' }}>
      <FormControl size="small" sx={{ minWidth: 200 }}>
        <InputLabel id="rfm-period-label">{t('segments.settings.period')}</InputLabel>
        <Select
          labelId="rfm-period-label"
          label={t('segments.settings.period')}
          value={selected}
          onChange={(event) => {
            const value = event.target.value;
            if (value === 'custom') {
              setCustom(true);
              return;
            }
            setCustom(false);
            onChange({ periodDays: value === 'all' ? null : Number(value) });
          }}
        >
          {PERIOD_PRESETS.map((days) => <MenuItem key={days} value={String(days)}>{t('segments.settings.periodDays', { count: days })}</MenuItem>)}
          <MenuItem value="all">{t('segments.settings.periodAll')}</MenuItem>
          <MenuItem value="custom">{t('segments.settings.periodCustom')}</MenuItem>
        </Select>
      </FormControl>
      {isCustom && (
        <TextField
          size="small"
          label={t('segments.settings.periodCustomLabel')}
          value={draft}
          error={!isDraftValid}
          helperText={isDraftValid ? ' ' : t('segments.settings.periodCustomInvalid', { max: format.count(MAX_PERIOD_DAYS) })}
          onChange={(event) => setDraft(event.target.value)}
          onBlur={() => isDraftValid && draftDays !== settings.periodDays && onChange({ periodDays: draftDays })}
          onKeyDown={(event) => {
            if (event.key === 'Enter' && isDraftValid) onChange({ periodDays: draftDays });
          }}
          sx={{ width: 170 }}
          slotProps={{ htmlInput: { inputMode: 'numeric', maxLength: String(MAX_PERIOD_DAYS).length } }}
        />
      )}
    </Stack>
  );
}

function Toggle<T extends string | number>({ label, value, options, onChange, testId }: { label: string; value: T; options: { value: T; label: string }[]; onChange(value: T): void; testId: string }) {
  return (
    <Box>
      <Typography variant="caption" color="text.secondary" component="div" id={`${testId}-label`}>{label}</Typography>
      <ToggleButtonGroup size="small" exclusive value={value} aria-labelledby={`${testId}-label`} data-testid={testId} onChange={(_, next: T | null) => next !== null && onChange(next)}>
        {options.map((option) => <ToggleButton key={option.value} value={option.value} sx={{ px: 1.5 }}>{option.label}</ToggleButton>)}
      </ToggleButtonGroup>
    </Box>
  );
}

/** Analysis date, period, levels, binning, monetary mode and score display. */
export function RfmSettingsPanel({ settings, meta, onChange, quantileCuts }: Props) {
  const { t } = useTranslation();
  return (
    <Paper sx={{ p: 2 }} data-testid="rfm-settings">
      <Typography variant="h6" component="h2" sx={{ mb: 1.5 }}>{t('segments.settings.title')}</Typography>
      <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 2, alignItems: 'flex-start' }}>
        <AnalysisDate settings={settings} meta={meta} onChange={onChange} />
        <PeriodField settings={settings} onChange={onChange} />
        <FormControl size="small" sx={{ minWidth: 250 }}>
          <InputLabel id="rfm-method-label">{t('segments.settings.method')}</InputLabel>
          <Select labelId="rfm-method-label" label={t('segments.settings.method')} value={settings.method} onChange={(event) => onChange({ method: event.target.value as RfmMethod })}>
            {(Object.keys(METHOD_LABELS) as RfmMethod[]).map((method) => <MenuItem key={method} value={method}>{t(`segments.settings.${METHOD_LABELS[method]}`)}</MenuItem>)}
          </Select>
        </FormControl>
        <Toggle<RfmLevels> label={t('segments.settings.levels')} testId="rfm-levels" value={settings.levels} options={RFM_LEVELS.map((level) => ({ value: level, label: String(level) }))} onChange={(levels) => onChange({ levels })} />
        <Toggle<RfmMonetaryMode>
          label={t('segments.settings.monetary')}
          testId="rfm-monetary"
          value={settings.monetary}
          options={[{ value: 'total', label: t('segments.settings.monetaryTotal') }, { value: 'average', label: t('segments.settings.monetaryAverage') }]}
          onChange={(monetary) => onChange({ monetary })}
        />
        <Toggle<ScoreDirection>
          label={t('segments.settings.direction')}
          testId="rfm-direction"
          value={settings.direction}
          options={[{ value: 'highIsBest', label: t('segments.settings.directionHigh') }, { value: 'lowIsBest', label: t('segments.settings.directionLow') }]}
          onChange={(direction) => onChange({ direction })}
        />
      </Stack>
      <Typography variant="body2" color="text.secondary" sx={{ mt: 1.5 }}>{t(`segments.settings.${METHOD_HELP[settings.method]}`)}</Typography>
      {settings.method === 'manual' && (
        <ManualBreaksEditor
          key={`${settings.levels}:${JSON.stringify(settings.manualBreaks[`${settings.levels}`])}`}
          levels={settings.levels}
          breaks={settings.manualBreaks[`${settings.levels}`]}
          onApply={(breaks) => onChange({ manualBreaks: { ...settings.manualBreaks, [`${settings.levels}`]: breaks } })}
          quantileCuts={quantileCuts}
        />
      )}
    </Paper>
  );
}
