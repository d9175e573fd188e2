import type { TFunction } from 'i18next';
import type { ScoreDirection, SegmentMap } from '../../domain/rfm';
import { formatEpochDay } from '../../domain/time';
import type { RfmFilter } from '../../engine';
import { shownScore, type SegmentLabel } from './segmentLabels';
import { downloadText } from '../../ui/download';

/** What a customer list shows: a segment, a heatmap cell, or the customers of one movement. */
export type DrillDown =
  | { kind: 'segment'; code: number }
  | { kind: 'cell'; r: number; f: number }
  | { kind: 'transition'; fromAsOf: string; from: number; to: number };

export function drillDownFilter(target: DrillDown): RfmFilter {
  if (target.kind === 'segment') return { segment: target.code };
  if (target.kind === 'cell') return { r: target.r, f: target.f };
  return { segment: target.to, previous: { asOf: target.fromAsOf, segment: target.from } };
}

export function drillDownTitle(target: DrillDown, labels: SegmentLabel[], levels: number, direction: ScoreDirection, t: TFunction): string {
  if (target.kind === 'segment') return t('segments.list.segmentTitle', { segment: labels[target.code]!.name });
  if (target.kind === 'cell') return t('segments.list.cellTitle', { r: shownScore(target.r, levels, direction), f: shownScore(target.f, levels, direction) });
  return t('segments.list.transitionTitle', { from: labels[target.from]!.name, to: labels[target.to]!.name });
}

function codeSlug(code: number, map: SegmentMap): string {
  if (code < map.segments.length) return slug(map.segments[code]!.id) || `segment-${code + 1}`;
  return code === map.segments.length ? 'others' : 'no-purchases';
}

function slug(text: string): string {
  return text.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
}

/** A file name that says what was exported and as of when, e.g. rfm-champions-2026-11-01.csv. */
export function drillDownFileName(target: DrillDown, map: SegmentMap, asOfDay: number): string {
  const date = formatEpochDay(asOfDay);
  if (target.kind === 'segment') return `rfm-${codeSlug(target.code, map)}-${date}.csv`;
  if (target.kind === 'cell') return `rfm-r${target.r}-f${target.f}-${date}.csv`;
  return `rfm-${codeSlug(target.from, map)}-to-${codeSlug(target.to, map)}-${target.fromAsOf}-${date}.csv`;
}

/** Saves the CSV through the browser's download, with a byte-order mark so Excel reads it as UTF-8. */
export function downloadCsv(fileName: string, csv: string): void {
  downloadText(fileName, `\uFEFF${csv}`);
}
