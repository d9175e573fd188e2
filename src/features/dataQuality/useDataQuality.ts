import { useTranslation } from 'react-i18next';
import type { Workspace } from '../../domain';
import type { DataQualityReport } from '../../domain/quality';
import { errorMessage } from '../../ui/errorMessage';
import { useEngineCall } from '../../workers/useEngineCall';

export type DataQualityState = { report?: DataQualityReport; error?: string };

function todayIn(timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(Date.now());
}

/**
 * The data-quality report of the workspace's current data (its worker caches it per data
 * version), or undefined while it is computed (an older one is not shown). The Data quality
 * screen shows it; the chain editor offers the event types, props and fields it counts.
 */
export function useDataQuality(workspace: Workspace | undefined): DataQualityState | undefined {
  const { t } = useTranslation();
  const call = useEngineCall('quality', 'quality', workspace ? { workspaceId: workspace.id, dataVersion: workspace.dataVersion, timeZone: workspace.timeZone, today: todayIn(workspace.timeZone) } : null);
  if (!call.isCurrent) return undefined;
  return call.error === undefined ? { report: call.value } : { error: errorMessage(call.error, t) };
}
