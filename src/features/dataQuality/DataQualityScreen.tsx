import { Alert, Box, Paper, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { qualityFindings, type DataQualityReport } from '../../domain/quality';
import { useFormat } from '../../ui/format';
import { BusyBar } from '../../ui/ProgressBars';
import { StatCard } from '../../ui/StatCard';
import { SubPageHeader } from '../../ui/SubPageHeader';
import { useActiveWorkspace } from '../workspaces/useWorkspaces';
import { EventsOverTime } from './EventsOverTime';
import { FieldTable } from './FieldTable';
import { useDataQuality } from './useDataQuality';

/** Findings whose share can be nothing at all say so in words ("No customer has …"). */
const NONE_TEXTS = new Set(['fieldSparse', 'notReachable']);

function Findings({ report }: { report: DataQualityReport }) {
  const { t } = useTranslation();
  const format = useFormat();
  const findings = qualityFindings(report);
  const fieldLabel = (name: string) => t(`dataQuality.fields.labels.${name}`, { defaultValue: name });
  return (
    <Paper variant="outlined" sx={{ p: 2 }} data-testid="quality-findings">
      <Typography variant="subtitle1" component="h2" sx={{ mb: 1 }}>
        {t('dataQuality.findings.title')}
      </Typography>
      {findings.length === 0 && <Alert severity="success">{t('dataQuality.findings.none')}</Alert>}
      <Stack spacing={1}>
        {findings.map((finding, i) => {
          const share = Number(finding.params.share ?? 0);
          const params = { ...finding.params, share: format.percent(share), field: fieldLabel(String(finding.params.field ?? '')), channel: t(`dataQuality.channels.names.${String(finding.params.channel ?? 'email')}`) };
          const key = share === 0 && NONE_TEXTS.has(finding.code) ? `${finding.code}None` : finding.code;
          return (
            <Alert key={i} severity={finding.severity}>
              {t(`dataQuality.findings.${key}`, params)}
            </Alert>
          );
        })}
      </Stack>
    </Paper>
  );
}

function Channels({ report }: { report: DataQualityReport }) {
  const { t } = useTranslation();
  const format = useFormat();
  const cell = (count: number) => `${format.count(count)} (${format.percent(report.customers ? count / report.customers : 0)})`;
  return (
    <Paper variant="outlined" sx={{ p: 2, overflowX: 'auto' }}>
      <Typography variant="subtitle1" component="h2" sx={{ mb: 1 }}>
        {t('dataQuality.channels.title')}
      </Typography>
      <Table size="small" data-testid="quality-channels">
        <TableHead>
          <TableRow>
            {(['channel', 'contact', 'yes', 'no', 'unknown', 'reachable'] as const).map((key) => (
              <TableCell key={key} align={key === 'channel' ? 'left' : 'right'}>
                {t(`dataQuality.channels.${key}`)}
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {report.channels.map((channel) => (
            <TableRow key={channel.channel} data-testid={`quality-channel-${channel.channel}`}>
              <TableCell>{t(`dataQuality.channels.names.${channel.channel}`)}</TableCell>
              <TableCell align="right">{cell(channel.contact)}</TableCell>
              <TableCell align="right">{cell(channel.consentYes)}</TableCell>
              <TableCell align="right">{cell(channel.consentNo)}</TableCell>
              <TableCell align="right">{cell(channel.consentUnknown)}</TableCell>
              <TableCell align="right" sx={{ fontWeight: 500 }}>
                {cell(channel.reachable)}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Paper>
  );
}

function Summary({ report }: { report: DataQualityReport }) {
  const { t } = useTranslation();
  const format = useFormat();
  const share = (count: number) => format.percent(report.customers ? count / report.customers : 0);
  const range = report.firstDay && report.lastDay ? `${format.calendarDate(report.firstDay)} – ${format.calendarDate(report.lastDay)}` : '—';
  return (
    <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr 1fr', md: 'repeat(5, 1fr)' } }}>
      <StatCard testId="quality-customers" label={t('dataQuality.summary.customers')} value={format.count(report.customers)} />
      <StatCard testId="quality-with-contact" label={t('dataQuality.summary.withContact')} value={share(report.customers - report.withoutContact)} />
      <StatCard testId="quality-buyers" label={t('dataQuality.summary.buyers')} value={share(report.customersWithOrders)} />
      <StatCard testId="quality-events" label={t('dataQuality.summary.events')} value={format.count(report.events)} />
      <StatCard testId="quality-range" label={t('dataQuality.summary.range')} value={<Box component="span" sx={{ fontSize: '1rem' }}>{range}</Box>} />
    </Box>
  );
}

/** Data → Data quality. */
export function DataQualityScreen() {
  const { t } = useTranslation();
  const workspace = useActiveWorkspace();
  const state = useDataQuality(workspace);
  const report = state?.report;
  return (
    <Stack spacing={2}>
      <SubPageHeader backTo="/data" backLabel={t('dataQuality.back')} title={t('dataQuality.title')} subtitle={t('dataQuality.subtitle')} />
      {!state && (
        <Box>
          <Typography variant="body2">{t('dataQuality.computing')}</Typography>
          <BusyBar label={t('dataQuality.computing')} sx={{ mt: 1 }} />
        </Box>
      )}
      {state?.error && <Alert severity="error">{t('dataQuality.failed', { message: state.error })}</Alert>}
      {report && report.customers === 0 && report.events === 0 && <Alert severity="info">{t('dataQuality.empty')}</Alert>}
      {report && (report.customers > 0 || report.events > 0) && <QualityReportView report={report} />}
    </Stack>
  );
}

function QualityReportView({ report }: { report: DataQualityReport }) {
  const { t } = useTranslation();
  const fieldLabel = (name: string) => t(`dataQuality.fields.labels.${name}`, { defaultValue: name });
  return (
    <Stack spacing={2} data-testid="quality-report">
      <Summary report={report} />
      <Findings report={report} />
      <Channels report={report} />
      <Paper variant="outlined" sx={{ p: 2 }}>
        <Typography variant="subtitle1" component="h2" sx={{ mb: 1 }}>
          {t('dataQuality.fields.title')}
        </Typography>
        <FieldTable fields={report.customerFields} total={report.customers} label={fieldLabel} testId="quality-fields" />
        <Typography variant="subtitle1" component="h2" sx={{ mt: 2, mb: 1 }}>
          {t('dataQuality.fields.attributes')}
        </Typography>
        <FieldTable fields={report.attributes} total={report.customers} label={(name) => name} isNameData testId="quality-attributes" />
      </Paper>
      {report.events > 0 && <EventsOverTime report={report} />}
      {report.events > 0 && (
        <Paper variant="outlined" sx={{ p: 2 }}>
          <Typography variant="subtitle1" component="h2" sx={{ mb: 1 }}>
            {t('dataQuality.fields.props')}
          </Typography>
          <FieldTable fields={report.props} total={report.events} label={(name) => name} isNameData testId="quality-props" />
        </Paper>
      )}
    </Stack>
  );
}
