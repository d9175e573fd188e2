import { describe, expect, it } from 'vitest';
import type { WorkspaceStats } from '../../db';
import { outsideExtremes } from './outsideDates';

const stats = (over: Partial<WorkspaceStats>): WorkspaceStats => ({
  customers: 1,
  events: 3,
  firstTs: 100,
  lastTs: 900,
  firstPlausibleTs: 100,
  lastPlausibleTs: 900,
  outsidePlausible: 0,
  eventTypes: [],
  ...over,
});

describe('the dates the Data screen names as left out of its range', () => {
  it('names nothing when every event is inside the plausible dates', () => {
    expect(outsideExtremes(stats({}))).toEqual([]);
  });
  it('names only the side that is outside: a row dated 9999 after plausible ones', () => {
    expect(outsideExtremes(stats({ lastTs: 9_999, lastPlausibleTs: 900, outsidePlausible: 1 }))).toEqual([9_999]);
    expect(outsideExtremes(stats({ firstTs: -5, firstPlausibleTs: 100, outsidePlausible: 1 }))).toEqual([-5]);
  });
  it('names both ends when rows lie outside on both sides', () => {
    expect(outsideExtremes(stats({ firstTs: -5, lastTs: 9_999, outsidePlausible: 2 }))).toEqual([-5, 9_999]);
  });
  it('names the first and last of the data when no event is plausible, once when they are the same', () => {
    expect(outsideExtremes(stats({ firstTs: 9_999, lastTs: 9_999, firstPlausibleTs: null, lastPlausibleTs: null, outsidePlausible: 1 }))).toEqual([9_999]);
    expect(outsideExtremes(stats({ firstTs: -5, lastTs: 9_999, firstPlausibleTs: null, lastPlausibleTs: null, outsidePlausible: 2 }))).toEqual([-5, 9_999]);
  });
});
