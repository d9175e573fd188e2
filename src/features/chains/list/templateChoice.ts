import { matchTemplateEventTypes, type Chain, type MatchHow } from '../../../domain/chains';
import type { NamedCount } from '../../../domain/conditions';
import { formatEpochDay, localDayNumber } from '../../../domain/time';

/**
 * "New chain from a template": the template's chain in the user's language, its event types
 * fitted to the workspace's (matchTemplateEventTypes), and per type what the picker shows — how
 * it was matched, or that the data has no such events (with the closest names). The user may
 * pick another type for any of them; a type kept although the data lacks it stays flagged.
 */
export interface EventTypeChoice {
  /** the template's name for it */
  type: string;
  /** what the chain will use */
  to: string;
  /** null: the data has no match (kept as the template names it) */
  how: MatchHow | null;
  suggestions: string[];
  /** a channel response (email_open …): simulated responses supply it when the data has none */
  isProjected: boolean;
}

export interface TemplateChoice {
  chain: Chain;
  eventTypes: EventTypeChoice[];
  /** types the chain uses that the workspace's data lacks */
  missing: number;
}

/** When a one-off template sends: 11:00 local, 30 days before the workspace's last event (so a replay of the last months includes it). */
export function audienceTimeFor(lastTs: number | null, timeZone: string): string | undefined {
  if (lastTs === null) return undefined;
  return `${formatEpochDay(localDayNumber(lastTs, timeZone) - 30)}T11:00`;
}

/** A chain made from a template (or from an inaction list) with its event types fitted to the workspace's. */
export function fitEventTypes(built: Chain, workspaceTypes: readonly NamedCount[], chosen: Readonly<Record<string, string>>): TemplateChoice {
  const result = matchTemplateEventTypes(built, { eventTypes: [...workspaceTypes] }, chosen);
  const present = new Set(workspaceTypes.map((type) => type.name));
  const eventTypes: EventTypeChoice[] = [
    ...result.matches.map((match) => ({ type: match.from, to: match.to, how: match.how, suggestions: [], isProjected: false })),
    ...result.unmatched.map((item) => ({ type: item.type, to: item.type, how: null, suggestions: item.suggestions, isProjected: item.isProjected })),
  ];
  const missing = eventTypes.filter((item) => !present.has(item.to) && !item.isProjected).length;
  return { chain: result.chain, eventTypes, missing };
}
