import type { Condition, ConditionGroup, EventCondition, EventMatch, NumberOp, NumberTest } from './types';

/** Small constructors so templates, tests and the editor build conditions without boilerplate. */
export function allOf(...items: Condition[]): ConditionGroup {
  return { type: 'group', op: 'and', items };
}

export function anyOf(...items: Condition[]): ConditionGroup {
  return { type: 'group', op: 'or', items };
}

export function emptyGroup(): ConditionGroup {
  return allOf();
}

export function events(types: string | readonly string[], where: EventCondition[] = []): EventMatch {
  return { types: typeof types === 'string' ? [types] : [...types], where };
}

export function compare(op: Exclude<NumberOp, 'between'>, value: number): NumberTest {
  return { op, value };
}

export function between(value: number, to: number): NumberTest {
  return { op: 'between', value, to };
}
