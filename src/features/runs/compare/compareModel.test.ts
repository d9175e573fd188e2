import { describe, expect, it } from 'vitest';
import { reportOfRun } from '../results/resultsModel';
import { workedExampleRun } from '../results/testing';
import { canvasDeltaLinkOf, comparisonOf } from './compareModel';

describe('comparing two runs', () => {
  const base = reportOfRun(workedExampleRun({}, 'a'))!;
  const other = reportOfRun(workedExampleRun({ from: '2025-03-04', to: '2025-04-10' }, 'b'))!;

  it('gives each figure its difference, money as money, channels by name', () => {
    const { rows } = comparisonOf(base, other);
    const cost = rows.find((row) => row.figure === 'cost')!;
    expect(cost).toMatchObject({ kind: 'money', base: 3.5, name: { key: 'runs.figure.cost' } });
    expect(cost.absolute).toBe(cost.other - cost.base);
    const email = rows.find((row) => row.figure === 'sent.email')!;
    expect(email).toMatchObject({ kind: 'count', name: { key: 'runs.figure.sent', channel: 'email' }, base: 1 });
    expect(rows.some((row) => row.isProjected)).toBe(false);
  });

  it('lines the days of both runs up, from the first to the last day of either', () => {
    const { dates } = comparisonOf(base, other);
    expect(dates[0]).toBe('2025-03-01');
    expect(dates.at(-1)).toBe('2025-04-10');
    expect(new Set(dates).size).toBe(dates.length);
  });

  it('knows the chains both runs ran and links to their deltas on the canvas', () => {
    const { sharedChains } = comparisonOf(base, other);
    expect(sharedChains.map((chain) => chain.id)).toEqual([base.chains[0]!.id]);
    expect(canvasDeltaLinkOf('c 1', 'b', 'a')).toBe('/chains/c%201?run=b&compare=a');
  });
});
