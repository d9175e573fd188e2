import type { LocalizedText } from '../text';

/**
 * What the validator says about a chain. `error` = the chain cannot run as it is; `warning` =
 * it runs, but probably not as meant (a name the workspace's data lacks, an unreachable node).
 * `path` points inside the node (or the settings, when there is no node) for the side panel.
 */
export type FindingSeverity = 'error' | 'warning';

export const FINDING_CODES = [
  // graph
  'no_trigger',
  'unreachable',
  'dead_end',
  'port_unconnected',
  'port_multiple_edges',
  'cycle_without_timer',
  'edge_dangling',
  'edge_bad_port',
  'edge_into_trigger',
  'duplicate_id',
  // nodes
  'trigger_incomplete',
  'filter_no_conditions',
  'condition_incomplete',
  'split_weights',
  'split_branches',
  'timer_incomplete',
  'message_no_channel',
  'message_no_content',
  'message_field',
  'message_offer',
  // settings
  'settings_invalid',
  // reading a file or a stored chain
  'unreadable',
  'part_set_aside',
  'repaired',
  // the workspace's data
  'unknown_event_type',
  'unknown_event_prop',
  'unknown_field',
  'unknown_segment',
  'unknown_stage',
  'unknown_audience',
  'field_often_empty',
] as const;
export type FindingCode = (typeof FINDING_CODES)[number];

export interface ChainFinding {
  code: FindingCode;
  severity: FindingSeverity;
  message: LocalizedText;
  nodeId?: string;
  edgeId?: string;
  /** the out-port concerned (unconnected, several edges) */
  port?: string;
  /** where inside the node or the settings, e.g. `condition.items.0.segments` or `settings.goal.event` */
  path?: string;
  /** closest existing names for an unknown one, best first */
  suggestions?: string[];
}

/** Findings of a node module, before the validator ties them to the node. */
export type NodeIssue = Omit<ChainFinding, 'nodeId' | 'edgeId' | 'port'>;

export function finding(code: FindingCode, severity: FindingSeverity, en: string, ru: string, extra: Partial<ChainFinding> = {}): ChainFinding {
  return { code, severity, message: { en, ru }, ...extra };
}

export function isValid(findings: readonly ChainFinding[]): boolean {
  return !findings.some((item) => item.severity === 'error');
}
