import { describe, expect, it } from 'vitest';
import { en } from './en';
import { ru } from './ru';
import { FEATURE_TEXTS } from './featureTexts';

function keyPaths(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, child]) => keyPaths(child, prefix ? `${prefix}.${key}` : key));
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]!).sort();
}

describe('feature texts', () => {
  it('do not reuse a core key as a feature name', () => {
    for (const feature of Object.keys(FEATURE_TEXTS)) expect(Object.keys(en)).not.toContain(feature);
  });
});

const BUNDLES: [string, unknown, unknown][] = [['core', en, ru], ...Object.entries(FEATURE_TEXTS).map(([name, texts]) => [name, texts.en, texts.ru] as [string, unknown, unknown])];

describe.each(BUNDLES)('%s translations', (_name, en, ru) => {
  it('have the same keys in Russian and English', () => {
    expect(keyPaths(ru).sort()).toEqual(keyPaths(en).sort());
  });

  it('use the same placeholders in both languages', () => {
    const lookup = (root: unknown, path: string) => path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], root);
    for (const path of keyPaths(en)) {
      expect(placeholders(String(lookup(ru, path))), path).toEqual(placeholders(String(lookup(en, path))));
    }
  });

  it('leave no text empty', () => {
    const lookup = (root: unknown, path: string) => path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], root);
    for (const path of keyPaths(en)) {
      expect(String(lookup(en, path)).trim(), path).not.toBe('');
      expect(String(lookup(ru, path)).trim(), path).not.toBe('');
    }
  });
});
