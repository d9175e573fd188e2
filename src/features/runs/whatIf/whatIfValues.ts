import type { Duration, DurationUnit } from '../../../domain/chains';
import type { ChainWhatIfSetting, NodeWhatIfSetting } from '../../../domain/runs';

/**
 * What the user types for a what-if value, read into the value `buildWhatIfVariants` takes
 * (src/domain/runs/whatIf.ts). Reading is lenient about spelling (English and Russian units,
 * a decimal comma) and strict about meaning: what cannot be read is said, with the form
 * expected, never guessed. Ranges (a cost ≥ 0, weights adding to 100) are checked by the
 * domain's schemas afterwards, for the variant they belong to.
 */
export type WhatIfSetting = NodeWhatIfSetting | ChainWhatIfSetting;

export type ValueReading = { ok: true; value: unknown } | { ok: false; problem: ValueProblem };
export const VALUE_PROBLEMS = ['empty', 'notNumber', 'notDuration', 'notWeights', 'notCap', 'notQuietHours'] as const;
export type ValueProblem = (typeof VALUE_PROBLEMS)[number];

const UNIT_WORDS: [RegExp, DurationUnit][] = [
  [/^(m|min|mins|minute|minutes|мин|минута|минуты|минут)$/, 'minutes'],
  [/^(h|hr|hrs|hour|hours|ч|час|часа|часов)$/, 'hours'],
  [/^(d|day|days|д|дн|день|дня|дней)$/, 'days'],
  [/^(w|wk|week|weeks|нед|неделя|недели|недель)$/, 'weeks'],
];

const OFF_WORDS = /^(off|none|no|выкл|нет)$/;

function readNumber(text: string): number | null {
  const normalized = text.trim().replace(/\s+/g, '').replace(',', '.');
  if (!/^-?\d+(\.\d+)?$/.test(normalized)) return null;
  return Number(normalized);
}

export function readDuration(text: string): Duration | null {
  const match = /^(\d+(?:[.,]\d+)?)\s*([\p{L}]+)\.?$/u.exec(text.trim().toLocaleLowerCase());
  if (!match) return null;
  const unit = UNIT_WORDS.find(([pattern]) => pattern.test(match[2]!))?.[1];
  const amount = readNumber(match[1]!);
  return unit && amount !== null ? { amount, unit } : null;
}

function readWeights(text: string): number[] | null {
  const parts = text.split(/[\s/;]+/).filter(Boolean);
  const weights = parts.map(readNumber);
  return parts.length >= 2 && weights.every((weight) => weight !== null) ? (weights as number[]) : null;
}

/** "off", "3" (messages, the chain's days kept) or "3/7" (3 messages per 7 days). */
function readCap(text: string): unknown {
  if (OFF_WORDS.test(text)) return { isEnabled: false };
  const match = /^(\d+)(?:\s*\/\s*(\d+))?$/.exec(text);
  if (!match) return null;
  return { isEnabled: true, messages: Number(match[1]), ...(match[2] ? { days: Number(match[2]) } : {}) };
}

/** "off" or "22:00-09:00". */
function readQuietHours(text: string): unknown {
  if (OFF_WORDS.test(text)) return { isEnabled: false };
  const match = /^(\d{1,2}:\d{2})\s*[-–—]\s*(\d{1,2}:\d{2})$/.exec(text);
  if (!match) return null;
  const pad = (time: string) => time.padStart(5, '0');
  return { isEnabled: true, from: pad(match[1]!), to: pad(match[2]!) };
}

export function readWhatIfValue(setting: WhatIfSetting, text: string): ValueReading {
  const trimmed = text.trim().toLocaleLowerCase();
  if (!trimmed) return { ok: false, problem: 'empty' };
  const fail = (problem: ValueProblem): ValueReading => ({ ok: false, problem });
  const value = (read: unknown, problem: ValueProblem): ValueReading => (read === null ? fail(problem) : { ok: true, value: read });
  switch (setting) {
    case 'delay':
    case 'waitForTimeout':
      return value(readDuration(trimmed), 'notDuration');
    case 'channel':
      return { ok: true, value: trimmed };
    case 'cost':
    case 'controlGroupPercent':
      return value(readNumber(trimmed), 'notNumber');
    case 'splitWeights':
      return value(readWeights(trimmed), 'notWeights');
    case 'frequencyCap':
      return value(readCap(trimmed), 'notCap');
    case 'quietHours':
      return value(readQuietHours(trimmed), 'notQuietHours');
  }
}

/** The current value written the way `readWhatIfValue` reads it (to prefill the first field). */
export function whatIfValueText(setting: WhatIfSetting, value: unknown): string {
  if (value === undefined || value === null) return '';
  switch (setting) {
    case 'delay':
    case 'waitForTimeout': {
      const duration = value as Duration;
      return `${duration.amount} ${duration.unit}`;
    }
    case 'splitWeights':
      return (value as number[]).join('/');
    case 'frequencyCap': {
      const cap = value as { isEnabled?: boolean; messages?: number; days?: number };
      return cap.isEnabled === false ? 'off' : `${cap.messages ?? ''}${cap.days ? `/${cap.days}` : ''}`;
    }
    case 'quietHours': {
      const quiet = value as { isEnabled?: boolean; from?: string; to?: string };
      return quiet.isEnabled === false ? 'off' : `${quiet.from}-${quiet.to}`;
    }
    default:
      return String(value);
  }
}
