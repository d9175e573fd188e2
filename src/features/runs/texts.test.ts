import { describe, expect, it } from 'vitest';
import { everyOptionChain } from '../../domain/chains/testing';
import { SIZING_CAVEATS, SIZING_RESULT_KEYS, VALUE_PROBLEM_REASONS, WHAT_IF_PROBLEMS, BADGE_WARNINGS, COMPARED_FIGURES, VARIANT_COLUMNS, NODE_WHAT_IF_SETTINGS, CHAIN_WHAT_IF_SETTINGS, buildWhatIfVariants, chainFingerprint, controlShareNeeded, minimumDetectableLift, nodeBadge, resultsFreshness, type RunsText } from '../../domain/runs';
import { nodeFigures } from '../../domain/runs/testing';
import { runsTexts } from './texts';

function lookup(root: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined), root);
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{(\w+)\}\}/g)].map((match) => match[1]!).sort();
}

/** A text the view models return resolves in both languages, and every placeholder gets a parameter. */
function expectTranslated(text: RunsText): void {
  const path = text.key.replace(/^runs\./, '');
  for (const language of [runsTexts.en, runsTexts.ru]) {
    const template = lookup(language, path);
    expect(typeof template, text.key).toBe('string');
    for (const name of placeholders(String(template))) expect(Object.keys(text.params), `${text.key}: {{${name}}}`).toContain(name);
  }
}

describe('runs texts cover every key the view models return', () => {
  it('control sizing', () => {
    const texts = [
      minimumDetectableLift({ treatment: 1000, control: 1000, baseline: 0.1 }),
      minimumDetectableLift({ treatment: 1, control: 1, baseline: 0.5 }),
      minimumDetectableLift({ treatment: 0, control: 1, baseline: 0.5 }),
      minimumDetectableLift({ treatment: 1, control: 0, baseline: 0.5 }),
      minimumDetectableLift({ treatment: 1, control: 1, baseline: 0 }),
      minimumDetectableLift({ treatment: 1, control: 1, baseline: 1 }),
      minimumDetectableLift({ treatment: 1, control: 1, baseline: 2 }),
      controlShareNeeded(100_000, 0.1, { value: 0.1, is: 'relative' }),
      controlShareNeeded(100, 0.1, { value: 0.1, is: 'relative' }),
      controlShareNeeded(100, 0.1, { value: -1, is: 'relative' }),
    ].map((result) => result.message);
    expect(new Set(texts.map((text) => text.key.split('.').pop()))).toEqual(new Set(['minimumLift', 'controlShare', 'no_treatment', 'no_control', 'baseline_zero', 'baseline_one', 'baseline_invalid', 'undetectable', 'lift_invalid', 'too_few_customers']));
    texts.forEach(expectTranslated);
    for (const key of SIZING_RESULT_KEYS) expect(typeof lookup(runsTexts.ru, `sizing.${key}`)).toBe('string');
    for (const caveat of SIZING_CAVEATS) expect(typeof lookup(runsTexts.ru, `sizing.caveat.${caveat}`)).toBe('string');
  });

  it('what-if', () => {
    const chain = everyOptionChain();
    const delay = { scope: 'node', nodeId: 'd_day', setting: 'delay' } as const;
    const results = [
      buildWhatIfVariants(chain, { target: delay, values: [{ amount: 0, unit: 'days' }, { amount: 2, unit: 'days' }] }),
      buildWhatIfVariants(chain, { target: delay, values: [1] }),
      buildWhatIfVariants(chain, { target: delay, values: [1, 1] }),
      buildWhatIfVariants(chain, { target: { ...delay, nodeId: 'gone' }, values: [1, 2] }),
      buildWhatIfVariants(chain, { target: { ...delay, nodeId: 'm_email' }, values: [1, 2] }),
      buildWhatIfVariants(chain, { target: { scope: 'node', nodeId: 's_ab', setting: 'splitWeights' }, values: [[1], [60, 30, 30]] }),
    ];
    const texts = results.flatMap((result) => (result.ok ? result.variants.flatMap((variant) => (variant.isRunnable ? [] : [variant.problem])) : [result.problem]));
    expect(new Set(texts.map((text) => text.key.split('.').pop()))).toEqual(new Set(WHAT_IF_PROBLEMS));
    texts.forEach(expectTranslated);
    for (const reason of VALUE_PROBLEM_REASONS) expect(typeof lookup(runsTexts.ru, `whatIf.value.${reason}`)).toBe('string');
    for (const setting of [...NODE_WHAT_IF_SETTINGS, ...CHAIN_WHAT_IF_SETTINGS]) expect(typeof lookup(runsTexts.ru, `setting.${setting}`)).toBe('string');
  });

  it('badges, stale notices, figures and columns', () => {
    const chain = everyOptionChain();
    const node = (id: string) => chain.nodes.find((item) => item.id === id)!;
    const badges = [nodeBadge(node('d_day'), undefined), nodeBadge(node('m_email'), nodeFigures({ entered: 10, suppressed: { no_consent: 9 }, sent: { email: 1 } })), nodeBadge(node('w_checkout'), nodeFigures({ entered: 5, left: { timeout: 5 } }))].flatMap((badge) => badge.warnings);
    expect(badges.map((warning) => warning.code).sort()).toEqual([...BADGE_WARNINGS].sort());
    badges.forEach(expectTranslated);
    const states = resultsFreshness({ [chain.id]: 'old', gone: chainFingerprint(chain) }, [chain]);
    states.forEach((state) => expectTranslated(state.notice!));
    for (const figure of COMPARED_FIGURES) expect(typeof lookup(runsTexts.ru, `figure.${figure}`)).toBe('string');
    for (const column of VARIANT_COLUMNS) expect(typeof lookup(runsTexts.ru, `column.${column}`)).toBe('string');
  });
});
