import { describe, expect, it } from 'vitest';
import { createProgressThrottle } from './progressThrottle';

describe('createProgressThrottle', () => {
  it('lets the first update through, then at most one per interval, and every change of phase', () => {
    let clock = 0;
    const sent: { done: number; phase: string }[] = [];
    const report = createProgressThrottle<{ done: number; phase: string }>((value) => sent.push(value), 100, () => clock);
    report({ done: 1, phase: 'read' });
    clock = 50;
    report({ done: 2, phase: 'read' });
    clock = 99;
    report({ done: 3, phase: 'read' });
    clock = 100;
    report({ done: 4, phase: 'read' });
    clock = 120;
    report({ done: 5, phase: 'commit' });
    clock = 130;
    report({ done: 5, phase: 'commit' });
    expect(sent).toEqual([
      { done: 1, phase: 'read' },
      { done: 4, phase: 'read' },
      { done: 5, phase: 'commit' },
    ]);
  });
});
