import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RfmRequest } from '../../engine';
import { engineWorker } from '../../workers/engineClient';
import { useAppStore } from '../../store/appStore';
import { downloadCsv, drillDownFileName, drillDownFilter, type DrillDown } from './drillDown';
import { rfmErrorMessage } from './segmentLabels';

/** Exports the customers of a drill-down target as CSV (built in the worker) and downloads it. */
export function useSegmentExport(request: RfmRequest | null, asOfDay: number | undefined) {
  const { t } = useTranslation();
  const notify = useAppStore((state) => state.notify);
  const [isExporting, setExporting] = useState(false);

  async function exportTarget(target: DrillDown): Promise<void> {
    if (!request || asOfDay === undefined) return;
    setExporting(true);
    try {
      const { csv, rows } = await engineWorker('rfm').call('rfmExport', {
        ...request,
        filter: drillDownFilter(target),
        direction: request.settings.direction,
        names: { others: t('segments.map.others'), noPurchases: t('segments.map.noPurchases') },
      });
      const fileName = drillDownFileName(target, request.map, asOfDay);
      downloadCsv(fileName, csv);
      notify('success', ({ t }) => t('segments.list.exported', { count: rows, file: fileName }));
    } catch (error) {
      notify('error', ({ t }) => t('segments.list.exportFailed', { message: rfmErrorMessage(error, t) }));
    } finally {
      setExporting(false);
    }
  }

  return { exportTarget, isExporting };
}
