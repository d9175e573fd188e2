import { segmentsTexts } from '../features/segments/texts';
import { journeyTexts } from '../features/journey/texts';
import { importTexts } from '../features/import/texts';
import { dataQualityTexts } from '../features/dataQuality/texts';
import { chainsTexts } from '../features/chains/texts';
import { conditionsTexts } from '../features/conditions/texts';
import { inspectorTexts } from '../features/chains/inspector/texts';
import { metricsTexts } from '../features/metrics/texts';
import { runsTexts } from '../features/runs/texts';
import { runCanvasTexts } from '../features/runs/run/texts';
import { runResultsTexts } from '../features/runs/results/texts';
import { runTraceTexts } from '../features/runs/trace/texts';
import { runWhatIfTexts } from '../features/runs/whatIf/texts';
import { audiencesTexts } from '../features/audiences/texts';
import { workspaceFileTexts } from '../features/workspaceFile/texts';
import { yourDataTexts } from '../features/yourData/texts';
import { appUpdateTexts } from '../features/appUpdate/texts';
import { interruptedJobsTexts } from '../features/interruptedJobs/texts';
/**
 * Each feature keeps its texts next to its code (`src/features/<feature>/texts.ts`, exporting
 * `{ en, ru }` with the same keys) and is listed here once; its keys live under its name,
 * e.g. `t('segments.title')`. The i18n tests check every feature's Russian and English keys.
 */
export interface FeatureTexts {
  en: Record<string, unknown>;
  ru: Record<string, unknown>;
}

export const FEATURE_TEXTS: Record<string, FeatureTexts> = {
  segments: segmentsTexts,
  journey: journeyTexts,
  import: importTexts,
  dataQuality: dataQualityTexts,
  chains: chainsTexts,
  conditions: conditionsTexts,
  inspector: inspectorTexts,
  metrics: metricsTexts,
  runs: runsTexts,
  runCanvas: runCanvasTexts,
  runResults: runResultsTexts,
  runTrace: runTraceTexts,
  runWhatIf: runWhatIfTexts,
  audiences: audiencesTexts,
  workspaceFile: workspaceFileTexts,
  yourData: yourDataTexts,
  appUpdate: appUpdateTexts,
  interruptedJobs: interruptedJobsTexts,
};
