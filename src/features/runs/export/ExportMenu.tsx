import DownloadIcon from '@mui/icons-material/DownloadOutlined';
import { Button, CircularProgress, Menu, MenuItem } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SimulationReport, SimulationRunRecord } from '../../../domain/simulation';
import { useAppStore } from '../../../store/appStore';
import { downloadText } from '../../../ui/download';
import { useFormat } from '../../../ui/format';
import { useLanguage } from '../../../ui/useLanguage';
import { engineWorker } from '../../../workers/engineClient';
import { dashboardHtml } from '../../metrics/dashboardHtml';
import { chartImage } from '../../metrics/curveCharts';
import { runErrorText } from '../results/runText';
import { customerCsv, dayCsv, exportFileName, nodeCsv } from './runCsv';
import { runCanvasPictures } from './chainPicture';
import { runReportDocument } from './runReportDocument';

type ExportKind = 'nodes' | 'days' | 'customers' | 'report';

/** The run's exports: CSV per node, per day and per customer with their path, and the printable HTML report. */
export function ExportMenu({ record, report }: { record: SimulationRunRecord; report: SimulationReport }) {
  const { t } = useTranslation();
  const format = useFormat();
  const language = useLanguage();
  const notify = useAppStore((state) => state.notify);
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const [busy, setBusy] = useState<ExportKind | null>(null);
  const chains = record.inputs.chains.map((input) => input.chain);

  async function fileOf(kind: ExportKind): Promise<{ name: string; text: string; type?: string }> {
    switch (kind) {
      case 'nodes':
        return { name: exportFileName(record.name, 'nodes', 'csv'), text: nodeCsv(report, chains) };
      case 'days':
        return { name: exportFileName(record.name, 'days', 'csv'), text: dayCsv(report) };
      case 'customers': {
        const paths = await engineWorker('simulate').call('customerPaths', { workspaceId: record.workspaceId, runId: record.id });
        return { name: exportFileName(record.name, 'customers', 'csv'), text: customerCsv(paths, chains) };
      }
      case 'report': {
        const canvasPictures = runCanvasPictures(record, { t: (key, params) => t(key, params), format, language });
        const document = runReportDocument(record, report, { t, format, language, drawChart: (config) => chartImage(config, 900, 320), canvasPictures });
        return { name: exportFileName(record.name, 'report', 'html'), text: dashboardHtml(document), type: 'text/html;charset=utf-8' };
      }
    }
  }

  async function exportAs(kind: ExportKind): Promise<void> {
    setAnchor(null);
    setBusy(kind);
    try {
      const file = await fileOf(kind);
      downloadText(file.name, file.text, file.type);
      notify('success', t('runResults.export.done', { file: file.name }));
    } catch (error) {
      notify('error', t('runResults.export.failed', { message: runErrorText(error, t) }));
    } finally {
      setBusy(null);
    }
  }

  return (
    <>
      <Button
        variant="outlined"
        size="small"
        startIcon={busy ? <CircularProgress size={16} aria-label={t('runResults.export.preparing')} /> : <DownloadIcon />}
        disabled={busy !== null}
        aria-haspopup="menu"
        onClick={(event) => setAnchor(event.currentTarget)}
        data-testid="run-export"
      >
        {t('runResults.export.button')}
      </Button>
      <Menu anchorEl={anchor} open={anchor !== null} onClose={() => setAnchor(null)} slotProps={{ list: { 'aria-label': t('runResults.export.menu') } }}>
        {(['nodes', 'days', 'customers', 'report'] as const).map((kind) => (
          <MenuItem key={kind} onClick={() => void exportAs(kind)} data-testid={`run-export-${kind}`}>{t(`runResults.export.${kind}`)}</MenuItem>
        ))}
      </Menu>
    </>
  );
}
