import { useTranslation } from 'react-i18next';
import type { Workspace } from '../../domain';
import { formatLocalDate } from '../../domain/time';
import type { DataQualityReport } from '../../domain/quality';
import { errorMessage } from '../../ui/errorMessage';
import { useEngineCall } from '../../workers/useEngineCall';

export type DataQualityState = { report?: DataQualityReport; error?: string };

/**
 * Today in the workspace's zone. Not a new Intl.DateTimeFormat per render: building one costs
 * a fraction of a millisecond, and every screen using the report renders this hook (the chain
 * editor and its Run dialog several times) — it showed in the profile of every long task.
 */
function todayIn(timeZone: string): string {
  return formatLocalDate(Date.now(), timeZone);
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
