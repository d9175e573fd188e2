import type { TFunction } from 'i18next';

/** The translated name of a known event type, else the type as found in the data. */
export function eventTypeLabel(t: TFunction, type: string): string {
  const key = `eventTypes.${type}`;
  const label = t(key);
  return label === key ? type : label;
}
