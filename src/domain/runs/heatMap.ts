import type { ChainSettings } from '../chains';
import { formatEpochDay, isoDateToDayNumber } from '../time';

/**
 * The heat-map calendar of the results page: messages per customer-day → one cell per calendar
 * day of the period, with the days on which some customer got more messages than the frequency
 * cap allows highlighted.
 *
 * Over the cap on day d: a customer's messages on the `cap.days` calendar days ending with d
 * exceed `cap.messages`. For a `calendar` cap that is exactly the simulator's rule; for a
 * `rolling` cap (a window of cap.days × 24 h) counting whole days can only miss an excess, never
 * invent one — any two moments of those days are less than cap.days × 24 h apart — so every
 * highlighted day is a real excess. With the cap on, the simulator never lets a customer exceed
 * it (its invariant), so highlighted days mean the messages came from chains with other caps or
 * none; with the cap off (`isCapEnabled` false) the highlight shows what the cap's kept values
 * (e.g. 3 per 7 days) would have stopped — the screen says which.
 *
 * Days before the period are not known here, so a window reaching back past its first day counts
 * only the days inside it.
 *
 * Cells carry a level 0–4 (0 = no messages; 1–4 = quarters of the busiest day's messages) and
 * their place in a weeks × weekdays grid (ISO weekdays, Monday = 1; week 0 holds the first day).
 */
export interface CustomerDayMessages {
  customerId: string;
  /** the customer's local calendar day, YYYY-MM-DD */
  date: string;
  messages: number;
}

export type FrequencyCap = ChainSettings['frequencyCap'];

export interface HeatMapCell {
  date: string;
  messages: number;
  /** customers who got at least one message that day */
  customers: number;
  /** the most messages one customer got that day */
  mostForOneCustomer: number;
  /** customers over the cap on this day */
  customersOverCap: number;
  isOverCap: boolean;
  level: 0 | 1 | 2 | 3 | 4;
  /** ISO weekday, 1 = Monday */
  weekday: number;
  /** week row from the first day's week, 0-based */
  week: number;
}

export interface HeatMap {
  cells: HeatMapCell[];
  isCapEnabled: boolean;
  cap: { messages: number; days: number; window: FrequencyCap['window'] };
  /** rows outside the period, with a date that is not YYYY-MM-DD or a negative / non-numeric count: counted here, not drawn */
  rowsSetAside: number;
  daysOverCap: number;
}

interface DayTally {
  messages: number;
  customers: number;
  mostForOneCustomer: number;
  customersOverCap: number;
}

/** Day number → that customer's messages, for every customer. */
function messagesByCustomer(rows: readonly CustomerDayMessages[], first: number, last: number): { byCustomer: Map<string, Map<number, number>>; outside: number } {
  const byCustomer = new Map<string, Map<number, number>>();
  let outside = 0;
  for (const row of rows) {
    const day = isoDateToDayNumber(row.date);
    if (!(day >= first && day <= last) || !(row.messages > 0)) {
      if (row.messages !== 0) outside++;
      continue;
    }
    let days = byCustomer.get(row.customerId);
    if (!days) byCustomer.set(row.customerId, (days = new Map()));
    days.set(day, (days.get(day) ?? 0) + row.messages);
  }
  return { byCustomer, outside };
}

function tallyDays(byCustomer: Map<string, Map<number, number>>, first: number, length: number, cap: FrequencyCap): DayTally[] {
  const tallies: DayTally[] = Array.from({ length }, () => ({ messages: 0, customers: 0, mostForOneCustomer: 0, customersOverCap: 0 }));
  for (const days of byCustomer.values()) {
    for (const [day, messages] of days) {
      const tally = tallies[day - first]!;
      tally.messages += messages;
      tally.customers++;
      tally.mostForOneCustomer = Math.max(tally.mostForOneCustomer, messages);
      let inWindow = 0;
      for (let back = 0; back < cap.days; back++) inWindow += days.get(day - back) ?? 0;
      if (inWindow > cap.messages) tally.customersOverCap++;
    }
  }
  return tallies;
}

const LEVELS = [0, 1, 2, 3, 4] as const;

function levelOf(messages: number, busiest: number): HeatMapCell['level'] {
  if (messages <= 0 || busiest <= 0) return 0;
  return LEVELS[Math.min(4, Math.max(1, Math.ceil((4 * messages) / busiest)))]!;
}

function isoWeekday(dayNumber: number): number {
  // 1970-01-01 was a Thursday (ISO 4)
  return ((((dayNumber + 3) % 7) + 7) % 7) + 1;
}

/** The calendar of `period` (inclusive, YYYY-MM-DD); an unreadable or reversed period gives no cells. */
export function heatMapCalendar(rows: readonly CustomerDayMessages[], period: { from: string; to: string }, cap: FrequencyCap): HeatMap {
  const first = isoDateToDayNumber(period.from);
  const last = isoDateToDayNumber(period.to);
  const capView = { messages: cap.messages, days: cap.days, window: cap.window };
  if (!(first <= last)) return { cells: [], isCapEnabled: cap.isEnabled, cap: capView, rowsSetAside: rows.filter((row) => row.messages !== 0).length, daysOverCap: 0 };
  const { byCustomer, outside } = messagesByCustomer(rows, first, last);
  const tallies = tallyDays(byCustomer, first, last - first + 1, cap);
  const busiest = Math.max(0, ...tallies.map((tally) => tally.messages));
  const firstWeekStart = first - (isoWeekday(first) - 1);
  const cells = tallies.map((tally, offset): HeatMapCell => {
    const day = first + offset;
    return { date: formatEpochDay(day), ...tally, isOverCap: tally.customersOverCap > 0, level: levelOf(tally.messages, busiest), weekday: isoWeekday(day), week: Math.floor((day - firstWeekStart) / 7) };
  });
  return { cells, isCapEnabled: cap.isEnabled, cap: capView, rowsSetAside: outside, daysOverCap: cells.filter((cell) => cell.isOverCap).length };
}
