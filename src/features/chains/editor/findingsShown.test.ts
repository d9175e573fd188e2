import { describe, expect, it } from 'vitest';
import { finding, type ChainFinding } from '../../../domain/chains';
import { FINDINGS_SHOWN_FIRST, findingsShown } from './findingsShown';

function many(count: number, severity: 'error' | 'warning', from = 0): ChainFinding[] {
  return Array.from({ length: count }, (_, index) => finding('dead_end', severity, `e${from + index}`, `р${from + index}`, { nodeId: `n${from + index}` }));
}

describe('findingsShown', () => {
  it('lists errors before warnings, each in the order the check found them', () => {
    const findings = [...many(2, 'warning'), ...many(2, 'error', 2)];
    expect(findingsShown(findings, false).shown.map((item) => item.nodeId)).toEqual(['n2', 'n3', 'n0', 'n1']);
  });

  it('shows the first ones of a long list, errors among them, and all of them when asked', () => {
    const findings = [...many(200, 'warning'), ...many(5, 'error', 200)];
    const first = findingsShown(findings, false);
    expect(first.total).toBe(205);
    expect(first.shown).toHaveLength(FINDINGS_SHOWN_FIRST);
    expect(first.shown.slice(0, 5).every((item) => item.severity === 'error')).toBe(true);
    expect(findingsShown(findings, true).shown).toHaveLength(205);
  });

  it('shows a short list whole', () => {
    expect(findingsShown(many(3, 'warning'), false)).toMatchObject({ total: 3, shown: { length: 3 } });
  });
});
