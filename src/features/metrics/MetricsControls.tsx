import { FormControl, IconButton, InputLabel, MenuItem, Paper, Select, Stack, TextField, ToggleButton, ToggleButtonGroup, Tooltip, Typography } from '@mui/material';
import RestartAltIcon from '@mui/icons-material/RestartAlt';
import { useTranslation } from 'react-i18next';
import { METRICS_CUT_KINDS, METRICS_PERIODS, type MetricsCutChoice, type MetricsPeriod, type MetricsSettings } from '../../domain/metrics';
import { DateField } from '../../ui/DateField';
import type { MetricsFormat } from './metricsFormat';

/** The screen's choices: as-of date, period of the headline figures, cohort unit, cut. */
export function MetricsControls({ settings, defaultAsOf, ordersOutsidePlausible, format, audiences, onChange }: {
  settings: MetricsSettings;
  defaultAsOf: string | null;
  /** orders dated outside the plausible dates: the default as-of date is not taken from them */
  ordersOutsidePlausible: number;
  format: MetricsFormat;
  /** the workspace's saved audiences (the `audience` cut); undefined while read */
  audiences: { id: string; name: string }[] | undefined;
  onChange(change: Partial<MetricsSettings>): void;
}) {
  const { t } = useTranslation();
  const shown = settings.asOf ?? defaultAsOf ?? '';
  /** Choosing the audience cut picks the first saved audience when none is chosen yet. */
  function cutChange(cut: MetricsCutChoice): Partial<MetricsSettings> {
    const hasAudience = audiences?.some((audience) => audience.id === settings.audienceId);
    return cut === 'audience' && !hasAudience && audiences?.[0] ? { cut, audienceId: audiences[0].id } : { cut };
  }
  return (
    <Paper sx={{ p: 2 }}>
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ alignItems: { md: 'flex-start' }, flexWrap: 'wrap', rowGap: 2 }}>
        <Stack direction="row" sx={{ alignItems: 'flex-start' }}>
          <DateField
            label={t('metrics.controls.asOf')}
            value={shown || null}
            onChange={(next) => onChange({ asOf: next })}
            helperText={[
              t('metrics.controls.asOfHelp', { date: defaultAsOf ? format.calendarDate(defaultAsOf) : '…' }),
              ...(ordersOutsidePlausible > 0 ? [t('metrics.controls.outsideOrders', { count: ordersOutsidePlausible })] : []),
            ].join(' ')}
            testId="metrics-as-of"
            sx={{ width: 260 }}
          />
          {settings.asOf && (
            <Tooltip title={t('metrics.controls.asOfReset')}>
              <IconButton aria-label={t('metrics.controls.asOfReset')} onClick={() => onChange({ asOf: null })} sx={{ mt: 0.5 }}>
                <RestartAltIcon />
              </IconButton>
            </Tooltip>
          )}
        </Stack>
        <FormControl size="small" sx={{ minWidth: 200 }}>
          <InputLabel id="metrics-period-label">{t('metrics.controls.period')}</InputLabel>
          <Select labelId="metrics-period-label" label={t('metrics.controls.period')} value={settings.period} onChange={(event) => onChange({ period: event.target.value as MetricsPeriod })} data-testid="metrics-period">
            {METRICS_PERIODS.map((period) => <MenuItem key={period} value={period}>{t(`metrics.controls.periods.${period}`)}</MenuItem>)}
          </Select>
        </FormControl>
        <Stack spacing={0.5}>
          <Typography variant="caption" color="text.secondary" id="metrics-unit-label">{t('metrics.controls.unit')}</Typography>
          <ToggleButtonGroup size="small" exclusive value={settings.unit} onChange={(_, unit: 'month' | 'week' | null) => unit && onChange({ unit })} aria-labelledby="metrics-unit-label">
            <ToggleButton value="month" data-testid="metrics-unit-month">{t('metrics.controls.units.month')}</ToggleButton>
            <ToggleButton value="week" data-testid="metrics-unit-week">{t('metrics.controls.units.week')}</ToggleButton>
          </ToggleButtonGroup>
        </Stack>
        <FormControl size="small" sx={{ minWidth: 220 }}>
          <InputLabel id="metrics-cut-label">{t('metrics.controls.cut')}</InputLabel>
          <Select labelId="metrics-cut-label" label={t('metrics.controls.cut')} value={settings.cut} onChange={(event) => onChange(cutChange(event.target.value as MetricsCutChoice))} data-testid="metrics-cut">
            {METRICS_CUT_KINDS.map((cut) => <MenuItem key={cut} value={cut}>{t(`metrics.controls.cuts.${cut}`)}</MenuItem>)}
          </Select>
        </FormControl>
        {settings.cut === 'audience' && (
          <TextField
            select
            size="small"
            label={t('metrics.controls.audience')}
            value={audiences?.some((audience) => audience.id === settings.audienceId) ? settings.audienceId : ''}
            onChange={(event) => onChange({ audienceId: event.target.value })}
            helperText={audiences && !audiences.length ? t('metrics.controls.noAudiences') : undefined}
            sx={{ minWidth: 240 }}
            slotProps={{ htmlInput: { 'data-testid': 'metrics-cut-audience' } }}
          >
            {(audiences ?? []).map((audience) => <MenuItem key={audience.id} value={audience.id}>{audience.name}</MenuItem>)}
          </TextField>
        )}
      </Stack>
    </Paper>
  );
}
