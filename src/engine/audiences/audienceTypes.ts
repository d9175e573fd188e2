import type { AudienceSegmentSettings } from '../../domain/audiences/evaluate';
import type { AudienceProfile } from '../../domain/audiences/profile';
import type { ConditionGroup } from '../../domain/conditions/types';

/**
 * The Audiences screen's calls (audienceHandlers.ts). Every request names the workspace's data
 * version and the settings RFM segments and journey stages are computed with (the Segments and
 * Journey screens' own), so a count here is what those screens and a chain run would say.
 */
export interface AudienceDataRequest {
  workspaceId: string;
  dataVersion: number;
  segments: AudienceSegmentSettings;
  /** the saved audiences an `audience` condition may name, by id */
  audiences: Record<string, ConditionGroup>;
}

export interface AudienceCountRequest extends AudienceDataRequest {
  condition: ConditionGroup;
  /** 'YYYY-MM-DD'; null = the end of the data */
  asOf: string | null;
  /** the audience being edited (naming itself keeps nobody) */
  selfId?: string;
}

export interface AudienceCount {
  asOf: string;
  /** the day of the last event, 'YYYY-MM-DD'; null without events */
  defaultAsOf: string | null;
  customerCount: number;
  size: number;
  parts: { path: string; count: number }[];
}

export interface AudienceCustomerRow {
  index: number;
  id: string;
  name: string;
  email: string;
  phone: string;
}

export interface AudienceCustomersRequest extends AudienceCountRequest {
  page: number;
  pageSize: number;
}

export interface AudienceCustomersPage {
  rows: AudienceCustomerRow[];
  matched: number;
}

export interface AudienceSizesRequest extends AudienceDataRequest {
  asOf: string | null;
}

export interface AudienceExportRequest extends AudienceCountRequest {
  /** the chosen columns (audienceExportColumns), in file order */
  columns: string[];
}

export interface AudienceExport {
  rows: (string | number)[][];
}

/** The columns the export offers for the workspace's data (its source columns included). */
export type AudienceColumnsRequest = AudienceDataRequest;

export interface AudienceProfiles {
  audience: AudienceProfile;
  base: AudienceProfile;
}
