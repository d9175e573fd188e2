import { describe, expect, it } from 'vitest';
import { en } from './en';
import { ru } from './ru';
import { FEATURE_TEXTS } from './featureTexts';
import { setupI18n } from './i18n';
import { pluralStem } from './textTypes';

function keyPaths(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, child]) => keyPaths(child, prefix ? `${prefix}.${key}` : key));
}

function placeholders(text: string): string[] {
  return [...new Set([...text.matchAll(/\{\{(\w+)(?:,[^}]*)?\}\}/g)].map((m) => m[1]!))].sort();
}

function lookup(root: unknown, path: string): string {
  return String(path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], root));
}

/** Plural keys by their stem: `a.days` → the suffixes present (`one`, `other` …). */
function pluralForms(paths: string[]): Map<string, Set<string>> {
  const forms = new Map<string, Set<string>>();
  for (const path of paths) {
    const stem = pluralStem(path);
    if (stem === path) continue;
    if (!forms.has(stem)) forms.set(stem, new Set());
    forms.get(stem)!.add(path.slice(stem.length + 1));
  }
  return forms;
}

describe('feature texts', () => {
  it('do not reuse a core key as a feature name', () => {
    for (const feature of Object.keys(FEATURE_TEXTS)) expect(Object.keys(en)).not.toContain(feature);
  });
});

const BUNDLES: [string, unknown, unknown][] = [['core', en, ru], ...Object.entries(FEATURE_TEXTS).map(([name, texts]) => [name, texts.en, texts.ru] as [string, unknown, unknown])];

describe.each(BUNDLES)('%s translations', (_name, en, ru) => {
  const enPaths = keyPaths(en);
  const ruPaths = keyPaths(ru);

  it('have the same texts in Russian and English (plural forms aside)', () => {
    expect([...new Set(ruPaths.map(pluralStem))].sort()).toEqual([...new Set(enPaths.map(pluralStem))].sort());
  });

  it('give every counted text all the plural forms its language needs', () => {
    const ruForms = pluralForms(ruPaths);
    for (const [stem, forms] of pluralForms(enPaths)) {
      // Codes that merely end like a plural form (`baseline_zero`, `baseline_one` of the runs'
      // sizing problems) have no `_other`, no count, and are looked up by their full key.
      const isCodeNotPlural = !forms.has('other') && !placeholders(lookup(en, `${stem}_${[...forms][0]}`)).includes('count');
      if (isCodeNotPlural) continue;
      for (const category of new Intl.PluralRules('en').resolvedOptions().pluralCategories) expect(forms, `${stem} (en)`).toContain(category);
      for (const category of new Intl.PluralRules('ru').resolvedOptions().pluralCategories) expect(ruForms.get(stem), `${stem} (ru)`).toContain(category);
      expect(ruForms.get(stem)!.has('zero'), `${stem}_zero`).toBe(forms.has('zero'));
    }
  });

  it('use the same placeholders in both languages', () => {
    for (const path of ruPaths) {
      const stem = pluralStem(path);
      const russian = placeholders(lookup(ru, path));
      if (stem === path || path.endsWith('_other')) expect(russian, path).toEqual(placeholders(lookup(en, path)));
      // "one" / "few" / "many" may leave the number out ("один день"), never add another placeholder.
      else for (const name of russian) expect(placeholders(lookup(en, `${stem}_other`)), path).toContain(name);
    }
  });

  it('leave no text empty', () => {
    for (const path of enPaths) expect(lookup(en, path).trim(), path).not.toBe('');
    for (const path of ruPaths) expect(lookup(ru, path).trim(), path).not.toBe('');
  });
});

describe('plural forms', () => {
  it('follow each language’s rules and group the number', async () => {
    const i18n = await setupI18n('en');
    const t = i18n.getFixedT('ru');
    expect(t('customer.timelineCount', { count: 1 })).toBe('1 событие');
    expect(t('customer.timelineCount', { count: 3 })).toBe('3 события');
    expect(t('customer.timelineCount', { count: 5046 }).replace(/\s/g, ' ')).toBe('5 046 событий');
    expect(t('customer.timelineCount', { count: 21 })).toBe('21 событие');
    const english = i18n.getFixedT('en');
    expect(english('customer.timelineCount', { count: 1 })).toBe('1 event');
    expect(english('customer.timelineCount', { count: 5046 })).toBe('5,046 events');
  });
});

describe('Russian wording', () => {
  it('calls a workspace «пространство» everywhere (not «область», not «рабочее пространство»)', () => {
    for (const [name, , russian] of BUNDLES) {
      for (const path of keyPaths(russian)) {
        const text = lookup(russian, path).toLowerCase();
        expect(text, `${name}: ${path}`).not.toMatch(/област|рабоч\S* пространств/);
      }
    }
  });
});
