import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CrmEvent } from '../../../domain';
import type { TraceEntry } from '../../../domain/simulation';
import { busyDaysOf, chainsOfTrace, pathOfChain, pickSeededCustomer, traceTimeline } from './traceTimeline';

const at = (iso: string) => Date.parse(iso);
function step(iso: string, nodeId: string, decision: TraceEntry['decision'], chainId = 'cart', extra: Partial<TraceEntry> = {}): TraceEntry {
  return { ts: at(iso), customerId: 'c1', chainId, nodeId, decision, group: 'treatment', reason: { en: decision, ru: decision }, ...extra };
}
function event(iso: string, type: string): CrmEvent {
  return { customerId: 'c1', type, ts: at(iso), props: {} };
}

const trace: TraceEntry[] = [
  step('2025-03-03T18:30:00Z', 'trigger', 'entered'),
  step('2025-03-03T18:30:00Z', 'wait', 'waiting'),
  step('2025-03-03T19:30:00Z', 'wait', 'timeout'),
  step('2025-03-03T19:30:00Z', 'email', 'sent'),
  step('2025-03-03T20:00:00Z', 'email', 'projected', 'cart', { isProjected: true }),
  step('2025-03-03T20:30:00Z', 'sms', 'sent', 'welcome'),
  step('2025-03-04T10:00:00Z', 'exit', 'exit'),
];
const events = [event('2025-02-01T10:00:00Z', 'order'), event('2025-03-03T18:30:00Z', 'cart_add'), event('2025-05-01T10:00:00Z', 'order')];
const window = { fromTs: at('2025-03-01T00:00:00Z'), toTs: at('2025-04-01T00:00:00Z') };

describe('the trace beside the customer\'s events', () => {
  it('merges steps and real events on one time axis, the event before the steps it causes', () => {
    const timeline = traceTimeline(trace, events, window, 'UTC');
    expect(timeline.rows.map((row) => (row.event ? `event ${row.event.type}` : `${row.step!.entry.nodeId} ${row.step!.entry.decision}`))).toEqual([
      'event cart_add',
      'trigger entered',
      'wait waiting',
      'wait timeout',
      'email sent',
      'email projected',
      'sms sent',
      'exit exit',
    ]);
    expect(timeline).toMatchObject({ eventsBefore: 1, eventsAfter: 1 });
    expect(timeline.rows[0]!.date).toBe('2025-03-03');
  });

  it('shows the whole history without a window, and dates rows in the run\'s zone', () => {
    const timeline = traceTimeline(trace, events, null, 'Asia/Vladivostok');
    expect(timeline.rows).toHaveLength(trace.length + events.length);
    expect(timeline).toMatchObject({ eventsBefore: 0, eventsAfter: 0 });
    expect(timeline.rows.find((row) => row.step?.entry.decision === 'exit')!.date).toBe('2025-03-04');
    expect(timeline.rows.find((row) => row.step?.entry.nodeId === 'sms')!.date).toBe('2025-03-04');
  });

  it('finds the days with two or more messages in the zone of the run', () => {
    expect([...busyDaysOf(trace, 'UTC')]).toEqual(['2025-03-03']);
    // in Vladivostok (+10) both fall on the next morning; in Dubai (+4) midnight falls between them
    expect([...busyDaysOf(trace, 'Asia/Vladivostok')]).toEqual(['2025-03-04']);
    expect([...busyDaysOf(trace, 'Asia/Dubai')]).toEqual([]);
  });

  it('gives each chain\'s path: one step per node visit, projected events not a move', () => {
    expect(chainsOfTrace(trace)).toEqual(['cart', 'welcome']);
    const path = pathOfChain(trace, 'cart');
    expect(path.nodeIds).toEqual(['trigger', 'wait', 'email', 'exit']);
    expect([...path.stepOfEntry]).toEqual([[0, 0], [1, 1], [2, 1], [3, 2], [6, 3]]);
    expect(pathOfChain(trace, 'welcome').nodeIds).toEqual(['sms']);
  });

  it('keeps every step and every event in the window, in time order (property)', () => {
    const entry = fc.record({ ts: fc.integer({ min: 0, max: 1e12 }), nodeId: fc.constantFrom('a', 'b', 'c'), decision: fc.constantFrom('entered', 'sent', 'waiting', 'projected') });
    fc.assert(
      fc.property(fc.array(entry), fc.array(fc.integer({ min: 0, max: 1e12 })), (steps, times) => {
        const entries = steps.map((item) => ({ ...step('2025-01-01T00:00:00Z', item.nodeId, item.decision as TraceEntry['decision']), ts: item.ts }));
        const timeline = traceTimeline(entries, times.map((ts) => ({ customerId: 'c1', type: 'order', ts, props: {} })), { fromTs: 1e11, toTs: 9e11 }, 'UTC');
        const shown = times.filter((ts) => ts >= 1e11 && ts < 9e11).length;
        expect(timeline.rows).toHaveLength(entries.length + shown);
        expect(timeline.eventsBefore + timeline.eventsAfter + shown).toBe(times.length);
        for (let i = 1; i < timeline.rows.length; i++) expect(timeline.rows[i]!.ts).toBeGreaterThanOrEqual(timeline.rows[i - 1]!.ts);
      }),
    );
  });
});

describe('a random customer with 2+ messages on one day', () => {
  const ids = Array.from({ length: 50 }, (_, i) => `c${i}`);
  it('is repeatable for a seed and a run, varies with the seed, and is one of the candidates', () => {
    expect(pickSeededCustomer(ids, 'run-1', 7)).toBe(pickSeededCustomer(ids, 'run-1', 7));
    const picks = new Set([1, 2, 3, 4, 5, 6, 7, 8].map((seed) => pickSeededCustomer(ids, 'run-1', seed)));
    expect(picks.size).toBeGreaterThan(3);
    for (const pick of picks) expect(ids).toContain(pick);
  });
  it('is nobody when there is no candidate', () => {
    expect(pickSeededCustomer([], 'run-1', 1)).toBeNull();
  });
});
