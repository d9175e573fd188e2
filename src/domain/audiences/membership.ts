import { leafConditions } from '../conditions/references';
import type { Condition, ConditionGroup } from '../conditions/types';
import type { LocalizedText } from '../text';

/**
 * Audiences that name other audiences ("in Loyal, not in Champions"): who names whom, and the
 * cycles that would make an audience depend on itself. A cycle is refused when the audience is
 * saved, with the chain of names in the message; the evaluator also keeps nobody for it, so a
 * cycle that reaches storage some other way can never loop.
 */
export function namedAudienceIds(condition: Condition): string[] {
  return [...new Set(leafConditions(condition).flatMap((leaf) => (leaf.type === 'audience' && leaf.audienceId ? [leaf.audienceId] : [])))];
}

interface Named {
  id: string;
  name: string;
  condition: ConditionGroup;
}

/**
 * The ids around a cycle that saving `candidate` would make (`[candidate, …, candidate]`), or
 * null. `audiences` are the saved ones; the candidate replaces its own saved version.
 */
export function audienceCycle(candidate: Named, audiences: readonly Named[]): string[] | null {
  const byId = new Map(audiences.map((audience) => [audience.id, audience]));
  byId.set(candidate.id, candidate);
  const onPath: string[] = [];
  const done = new Set<string>();
  function visit(id: string): string[] | null {
    const at = onPath.indexOf(id);
    if (at >= 0) return [...onPath.slice(at), id];
    if (done.has(id)) return null;
    const audience = byId.get(id);
    if (!audience) return null;
    onPath.push(id);
    for (const next of namedAudienceIds(audience.condition)) {
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    onPath.pop();
    done.add(id);
    return null;
  }
  const cycle = visit(candidate.id);
  return cycle;
}

/** The refusal of a cycle, naming the audiences in order. */
export function cycleMessage(cycle: readonly string[], audiences: readonly Pick<Named, 'id' | 'name'>[]): LocalizedText {
  const names = cycle.map((id) => audiences.find((audience) => audience.id === id)?.name ?? id);
  const en = names.map((name) => `"${name}"`).join(' → ');
  const ru = names.map((name) => `«${name}»`).join(' → ');
  return {
    en: `An audience cannot include itself: ${en}. Remove one of these conditions.`,
    ru: `Аудитория не может включать саму себя: ${ru}. Уберите одно из этих условий.`,
  };
}

/** The saved audiences whose conditions name `id` (directly). */
export function audiencesNaming(id: string, audiences: readonly Named[]): Named[] {
  return audiences.filter((audience) => audience.id !== id && namedAudienceIds(audience.condition).includes(id));
}
