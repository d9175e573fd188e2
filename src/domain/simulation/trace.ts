import { CHANNEL_NAMES, durationText, nodeSummary, type ChainNode } from '../chains';
import { formatLocalMinute } from '../time';
import type { LocalizedText } from '../text';

/**
 * One customer's path through the chains of a run, in order (simulation.md "Per customer"):
 * when, which chain and node, what was decided and why, in plain words in both languages. The
 * engine records it only for the customer asked about, through the same code path that counts
 * everyone, so a trace always agrees with the counts.
 */
export const TRACE_DECISIONS = [
  'entered',
  'refused',
  'waiting',
  'happened',
  'timeout',
  'delay_done',
  'window_open',
  'window_wait',
  'yes',
  'no',
  'branch',
  'held',
  'sent',
  'suppressed',
  'withheld',
  'goal',
  'exit',
  'exit_on_goal',
  'dead_end',
  'loop',
  'waiting_at_end',
  'projected',
] as const;
export type TraceDecision = (typeof TRACE_DECISIONS)[number];

export interface TraceEntry {
  ts: number;
  customerId: string;
  chainId: string;
  nodeId: string;
  decision: TraceDecision;
  /** the customer's comparison group in the chain at that moment (control and holdout receive nothing) */
  group: 'treatment' | 'control' | 'holdout';
  reason: LocalizedText;
  /**
   * Present (true) when the entry comes from an event the projection drew, not from the imported
   * data: the screens draw it apart and say so. Absent for replayed entries, so replay-only
   * traces keep the shape of cli.md.
   */
  isProjected?: true;
}

const text = (en: string, ru: string): LocalizedText => ({ en, ru });

export function localTime(ts: number, timeZone: string): string {
  return formatLocalMinute(ts, timeZone);
}

export function summaryOf(node: ChainNode): LocalizedText {
  const summary = node.label.trim() ? { en: node.label.trim(), ru: node.label.trim() } : nodeSummary(node);
  return summary;
}

export function channelName(node: ChainNode): LocalizedText {
  return node.kind === 'message' && node.channel ? CHANNEL_NAMES[node.channel] : text('message', 'сообщение');
}

export const SUPPRESSION_WORDS: Record<string, LocalizedText> = {
  no_channel: text('the message has no channel', 'у сообщения не выбран канал'),
  no_consent: text('no consent for the channel', 'нет согласия на канал'),
  consent_unknown: text('consent for the channel is unknown', 'согласие на канал неизвестно'),
  no_contact: text('no contact for the channel', 'нет контакта для канала'),
  frequency_cap: text('the frequency cap is reached', 'достигнут лимит частоты'),
  quiet_hours: text('due in quiet hours (dropped)', 'пришлось на тихие часы (отброшено)'),
  re_entry: text('the re-entry rule refuses a new entry', 'правило повторного входа не пускает'),
  already_in_chain: text('already in this chain', 'уже в этой цепочке'),
};

export function waitingText(node: ChainNode, until: number, timeZone: string): LocalizedText {
  if (node.kind !== 'timer' || node.timer.type !== 'waitFor') return text(`waiting until ${localTime(until, timeZone)}`, `ждёт до ${localTime(until, timeZone)}`);
  const types = node.timer.event.types.join('/') || 'any event';
  const span = durationText(node.timer.timeout);
  return text(`waiting for ${types} ≤ ${span.en} (until ${localTime(until, timeZone)} local)`, `ждёт ${types} ≤ ${span.ru} (до ${localTime(until, timeZone)} местного)`);
}
