import type { LifecycleSettings, StageMapping } from '../../domain/journey';
import type { CrmChannelMapping, CutTotals, MetricsDashboard, MetricsPeriod } from '../../domain/metrics';
import type { RfmSettings, SegmentMap } from '../../domain/rfm';
import type { CalendarUnit } from '../../domain/time';
import type { AudienceSegmentSettings } from '../../domain/audiences/evaluate';
import type { ConditionGroup } from '../../domain/conditions/types';

/**
 * The Metrics screen's calls (metricsHandlers.ts). Every request names the workspace's data
 * version and the user's choices; the cut's settings (RFM scoring and map, stage mapping and
 * lifecycle thresholds) come from the screens that own them, so a cut here always matches what
 * the Segments and Journey screens show.
 */
export interface MetricsRequest {
  workspaceId: string;
  dataVersion: number;
  timeZone: string;
  /** YYYY-MM-DD; null = the day after the last order */
  asOf: string | null;
  period: MetricsPeriod;
  unit: CalendarUnit;
  /** T3 of the lifecycle settings */
  churnDays: number;
  crmMapping: CrmChannelMapping;
  /** only the customers of one group of a cut (cohorts and totals); null = everyone */
  scope: MetricsScope | null;
}

export type MetricsCut =
  | { kind: 'rfm'; settings: RfmSettings; map: SegmentMap }
  | { kind: 'lifecycle' | 'stage'; mapping: StageMapping; lifecycle: LifecycleSettings }
  /** a set of customers (by index): they are group 0, everyone else group 1 */
  | { kind: 'members'; customers: number[] }
  /**
   * a saved audience (issues 15, 16): its members as of the day before D (metrics count what
   * happened before D) are group 0, everyone else group 1; evaluated in the metrics worker with
   * the Audiences screen's settings, so the cut keeps whom that screen shows for that date
   */
  | { kind: 'audience'; audienceId: string; condition: ConditionGroup; audiences: Record<string, ConditionGroup>; segments: AudienceSegmentSettings };

export type MetricsCutKind = MetricsCut['kind'];

export interface MetricsScope {
  cut: MetricsCut;
  group: number;
}

export interface MetricsSummary {
  /** false: the workspace has no order with an amount; nothing else is filled */
  hasOrders: boolean;
  asOf: string | null;
  defaultAsOf: string | null;
  firstOrderDate: string | null;
  lastOrderDate: string | null;
  /** orders dated outside the plausible dates, which the default as-of date is not taken from */
  ordersOutsidePlausible: number;
  dashboard: MetricsDashboard | null;
  source: 'computed' | 'cache';
}

export interface MetricsCutRequest extends MetricsRequest {
  cut: MetricsCut;
}

export interface MetricsCutResult {
  kind: MetricsCutKind;
  totals: CutTotals;
  /** per group: the segment id, status or stage id it stands for (labels are the screen's) */
  groupKeys: string[];
}

export interface MetricsCellRequest extends MetricsRequest {
  cohortPeriod: number;
  /** null: every customer of the cohort */
  k: number | null;
  page: number;
  pageSize: number;
}

export interface MetricsCustomerRow {
  index: number;
  id: string;
  name: string;
  email: string;
  /** YYYY-MM-DD, local days */
  firstOrder: string;
  lastOrder: string;
  orders: number;
  netRevenue: number;
}

export interface MetricsCellPage {
  rows: MetricsCustomerRow[];
  matched: number;
}
