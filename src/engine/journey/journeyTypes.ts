import type {
  CjmMatrix,
  Funnel,
  InactionListId,
  InactionSettings,
  LifecycleSettings,
  LifecycleStatus,
  PeriodUnit,
  StageMapping,
  StagesByPeriod,
} from '../../domain/journey';

/** What every journey call needs: the workspace's data version and the user's settings. */
export interface JourneyRequest {
  workspaceId: string;
  dataVersion: number;
  timeZone: string;
  settings: { mapping: StageMapping; lifecycle: LifecycleSettings; inaction: InactionSettings };
  /** YYYY-MM-DD; null = the day after the last event */
  asOfDate: string | null;
  unit: PeriodUnit;
}

export interface JourneyOverview {
  /** computed now, or read back from the database cache */
  source: 'computed' | 'database';
  firstDate: string | null;
  lastDate: string | null;
  defaultAsOfDate: string | null;
  /** events dated outside the plausible dates: left out of the date range and the default as-of date */
  outsideEvents: number;
  /** null when the workspace has no events */
  asOfDate: string | null;
  stageIds: string[];
  funnel: Funnel | null;
  periods: StagesByPeriod | null;
  cjm: CjmMatrix | null;
  lifecycle: Record<LifecycleStatus, number> | null;
  inactionCounts: Record<InactionListId, { count: number; missingStage: string | null }> | null;
  customersWithoutDate: number;
  totalCustomers: number;
}

export interface JourneyFlows {
  fromDate: string;
  toDate: string;
  kind: 'lifecycle' | 'stage';
  states: string[];
  counts: number[][];
  fromTotals: number[];
  toTotals: number[];
}

export interface JourneyFlowsRequest extends JourneyRequest {
  fromDate: string;
  toDate: string;
  kind: 'lifecycle' | 'stage';
}

export interface InactionPageRequest extends JourneyRequest {
  list: InactionListId;
  page: number;
  pageSize: number;
}

export interface InactionExportRequest extends JourneyRequest {
  list: InactionListId;
  stageNames: string[];
}
