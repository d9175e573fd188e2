import type {
  CustomerFilter,
  HeatmapCell,
  RfmBreaks,
  RfmParams,
  RfmSettings,
  RfmSortField,
  ScoreDirection,
  SegmentMap,
  SegmentTotals,
} from '../../domain/rfm';

/** What every RFM call needs: the workspace's data version, its time zone and the user's settings. */
export interface RfmRequest {
  workspaceId: string;
  dataVersion: number;
  timeZone: string;
  settings: RfmSettings;
  /** The map to apply, already at `settings.levels`, names in the interface language. */
  map: SegmentMap;
}

export interface RfmMeta {
  /** Local days of the first and last order (NaN without orders). */
  firstOrderDay: number;
  lastOrderDay: number;
  /** the day after the last plausible order (time/plausibleDates.ts) */
  defaultAsOfDay: number;
  /** orders dated outside the plausible dates: left out of these days */
  outsideOrders: number;
}

/** A drill-down filter: scores or segment, optionally "was in segment X on an earlier date". */
export interface RfmFilter extends CustomerFilter {
  previous?: { asOf: string; segment: number };
}

export interface RfmSummary {
  params: RfmParams;
  meta: RfmMeta;
  customers: number;
  scored: number;
  breaks: RfmBreaks;
  /** Codes 0 … S − 1 the map's segments, S Others, S + 1 No purchases. */
  segments: SegmentTotals[];
  heatmap: HeatmapCell[];
  /** The map the segments were assigned with (the request's). */
  map: SegmentMap;
  source: 'memory' | 'database' | 'computed';
}

export interface RfmCustomersRequest extends RfmRequest {
  filter: RfmFilter;
  sort: { field: RfmSortField; isDescending: boolean } | null;
  page: number;
  pageSize: number;
}

export interface RfmCustomerRow {
  index: number;
  id: string;
  name: string;
  email: string;
  segment: number;
  recency: number | null;
  frequency: number;
  revenue: number;
  monetary: number | null;
  r: number;
  f: number;
  m: number;
}

export interface RfmCustomersPage {
  rows: RfmCustomerRow[];
  matched: number;
}

export interface RfmExportRequest extends RfmRequest {
  filter: RfmFilter;
  direction: ScoreDirection;
  names: { others: string; noPurchases: string };
}

export interface RfmTransitionRequest extends RfmRequest {
  /** YYYY-MM-DD: the earlier analysis date (rows of the matrix). */
  fromAsOf: string;
}

export interface RfmTransition {
  fromAsOfDay: number;
  toAsOfDay: number;
  /** customers by segment code at `fromAsOfDay` (rows) and at the analysis date (columns) */
  matrix: number[][];
}

export interface RfmCustomerRequest extends RfmRequest {
  customerIndex: number;
}
