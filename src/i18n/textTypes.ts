/**
 * The shape of a language's texts, checked against the English ones by the compiler.
 *
 * Counted nouns are plural keys: English writes `key_one` and `key_other`; Russian must also
 * write `key_few` and `key_many` (1 день, 3 дня, 5 дней). `key_zero` (count 0) is optional and,
 * when English has it, Russian must too.
 */
type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
type PluralStem<K> = K extends `${infer Stem}_other` ? Stem : never;

export type EnglishTexts<T> = Widen<T>;

export type RussianTexts<T> = { [K in keyof T]: T[K] extends string ? string : RussianTexts<T[K]> } & {
  [K in `${PluralStem<keyof T>}_few` | `${PluralStem<keyof T>}_many`]: string;
};

export const PLURAL_SUFFIXES = ['zero', 'one', 'two', 'few', 'many', 'other'] as const;

/** `days_few` → `days`; a key that is not a plural form stays as it is. */
export function pluralStem(key: string): string {
  const match = /^(.*)_(zero|one|two|few|many|other)$/.exec(key);
  return match ? match[1]! : key;
}
