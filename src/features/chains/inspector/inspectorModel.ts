import { outPorts } from '../../../domain/chains/nodes/registry';
import { defaultTimerRule } from '../../../domain/chains/nodes/timer';
import { OUT_PORT, TIMEOUT_PORT } from '../../../domain/chains/ports';
import { validateChain } from '../../../domain/chains/validator';
import type { ChainFinding } from '../../../domain/chains/findings';
import type { Chain, ChainNode, TimerRule } from '../../../domain/chains/types';
import type { WorkspaceVocabulary } from '../../../domain/conditions/vocabulary';

/**
 * The side panel's edits of a chain, as pure functions: replace one node (keeping the edges of
 * its ports consistent), and the findings the panel shows for a node or for the settings.
 */

/**
 * When a node's out-ports change (a timer becomes a wait-for, a split loses a branch), where its
 * edges go: `renames` maps an old port to its successor; an edge from a port that no longer exists
 * and has no successor is removed — its target stays on the canvas, and the validator reports it
 * unreachable, so nothing disappears without a finding.
 */
export function replaceNode(chain: Chain, next: ChainNode, renames: Readonly<Record<string, string>> = {}): Chain {
  const index = chain.nodes.findIndex((node) => node.id === next.id);
  if (index < 0) return chain;
  const ports = new Set(outPorts(next).map((port) => port.id));
  const taken = new Set(chain.edges.filter((edge) => edge.source === next.id && ports.has(edge.sourcePort)).map((edge) => edge.sourcePort));
  const edges = chain.edges.flatMap((edge) => {
    if (edge.source !== next.id || ports.has(edge.sourcePort)) return [edge];
    const successor = renames[edge.sourcePort];
    // A port keeps one edge: a successor that already has its own is not given a second.
    if (successor === undefined || !ports.has(successor) || taken.has(successor)) return [];
    taken.add(successor);
    return [{ ...edge, sourcePort: successor }];
  });
  return { ...chain, nodes: chain.nodes.with(index, next), edges };
}

/**
 * How a timer's ports follow a change of its type: the path after a plain wait continues as the
 * wait-for's *timeout* (the customer did not act in time, the chain goes on), and back.
 */
export function timerPortRenames(from: TimerRule['type'], to: TimerRule['type']): Record<string, string> {
  const isWaitFor = (type: TimerRule['type']) => type === 'waitFor';
  if (!isWaitFor(from) && isWaitFor(to)) return { [OUT_PORT]: TIMEOUT_PORT };
  if (isWaitFor(from) && !isWaitFor(to)) return { [TIMEOUT_PORT]: OUT_PORT };
  return {};
}

/**
 * A timer's rule after the user picks another type: the new type's defaults, except that the
 * time already chosen carries over (a 3-day delay becomes "wait for an event up to 3 days", and back).
 */
export function withTimerType(rule: TimerRule, type: TimerRule['type']): TimerRule {
  const next = defaultTimerRule(type);
  const time = rule.type === 'delay' ? rule.duration : rule.type === 'waitFor' ? rule.timeout : null;
  if (time === null) return next;
  if (next.type === 'delay') return { ...next, duration: time };
  if (next.type === 'waitFor') return { ...next, timeout: time };
  return next;
}

/**
 * Every finding of the chain, as the canvas's check list has them: the validator's rules, and with
 * the workspace's vocabulary also the names its data lacks (with the closest ones). The panel
 * shows a node's share (`findingsOfNode`) or the chain's own (`chainLevelFindings`).
 */
export function panelFindings(chain: Chain, vocabulary: WorkspaceVocabulary | null): ChainFinding[] {
  return validateChain(chain, vocabulary ? { vocabulary } : {});
}

/** Findings about the chain as a whole (its settings, its stage, a missing trigger): tied to no node and no link. */
export function chainLevelFindings(findings: readonly ChainFinding[]): ChainFinding[] {
  return findings.filter((item) => item.nodeId === undefined && item.edgeId === undefined);
}

/** Errors first, then warnings; the order within each kept. */
export function orderedFindings(findings: readonly ChainFinding[]): ChainFinding[] {
  return [...findings.filter((item) => item.severity === 'error'), ...findings.filter((item) => item.severity === 'warning')];
}

/** A local time as typed ('9:30', '09:30', '0930') in the model's 'HH:mm'; null when it is not a time of day. */
export function parseLocalTime(text: string): string | null {
  const match = /^\s*(\d{1,2}):?(\d{2})\s*$/.exec(text);
  if (!match) return null;
  const [hours, minutes] = [Number(match[1]), Number(match[2])];
  if (hours > 23 || minutes > 59) return null;
  return `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`;
}

/** 'YYYY-MM-DDTHH:mm' split for the date input and the time input. */
export function splitLocalDateTime(value: string): { date: string; time: string } {
  const [date = '', time = ''] = value.split('T');
  return { date, time };
}
