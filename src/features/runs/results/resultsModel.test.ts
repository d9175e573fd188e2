import { describe, expect, it } from 'vitest';
import { workedExampleChain } from '../../../domain/chains/testing';
import { channelsOf, daySeries, headlineCards, heatMapCapOf, heatMapOfRun, overlapRows, reportOfRun } from './resultsModel';
import { workedExampleRun } from './testing';

describe('the results page of a run', () => {
  const record = workedExampleRun();
  const report = reportOfRun(record)!;

  it('reads the report chainlab simulate prints from the saved sums', () => {
    expect(report.period).toEqual({ from: '2025-03-01', to: '2025-03-31' });
    expect(report.totals).toMatchObject({ messages: 2, suppressed: 1, cost: 3.5, conversions: 1, customers: 3 });
    expect(reportOfRun({ ...record, sums: null })).toBeNull();
  });

  it('gives every headline figure its denominator and says it is replayed', () => {
    const cards = Object.fromEntries(headlineCards(report).map((card) => [card.id, card]));
    expect(cards.reach).toMatchObject({ basis: 'replayed', value: { kind: 'count', value: report.totals.customersReached } });
    expect(cards.reach!.details[0]).toEqual({ key: 'runResults.cards.reach.ofCustomers', params: { share: { kind: 'share', value: report.totals.customersReached / 3 }, customers: { kind: 'count', value: 3 } } });
    expect(cards.messages!.value).toEqual({ kind: 'count', value: 2 });
    expect(cards.messages!.details.map((detail) => detail.key)).toEqual(['runResults.cards.messages.channel', 'runResults.cards.messages.channel', 'runResults.cards.messages.perCustomer', 'runResults.cards.messages.suppressed']);
    expect(cards.messages!.details[0]!.params).toEqual({ channel: { kind: 'channel', value: 'email' }, n: { kind: 'count', value: 1 } });
    expect(cards.cost!.details[0]).toEqual({ key: 'runResults.cards.cost.perMessage', params: { money: { kind: 'money', value: 1.75 }, messages: { kind: 'count', value: 2 } } });
    expect(cards.conversions!.details[1]).toEqual({ key: 'runResults.cards.conversions.rate', params: { share: { kind: 'share', value: 0.5 }, messages: { kind: 'count', value: 2 } } });
    for (const id of ['reach', 'messages', 'cost', 'conversions', 'groups']) expect(cards[id]!.basis).toBe('replayed');
  });

  it('never shows a projected figure without its label, and says when the projection was off', () => {
    const off = Object.fromEntries(headlineCards(report).map((card) => [card.id, card]));
    expect(off.projected).toEqual({ id: 'projected', basis: 'projected', value: null, details: [{ key: 'runResults.cards.projected.off', params: {} }] });
    const projectedReport = reportOfRun(workedExampleRun({ projection: true }))!;
    const on = headlineCards(projectedReport).find((card) => card.id === 'projected')!;
    expect(on.basis).toBe('projected');
    expect(on.value).toEqual({ kind: 'count', value: projectedReport.totals.projected.conversions });
    expect(daySeries(projectedReport, 'conversions').map((series) => [series.id, series.basis])).toEqual([['conversions', 'replayed'], ['projectedConversions', 'projected']]);
    expect(daySeries(report, 'conversions')).toHaveLength(1);
  });

  it('says there is no control group rather than showing a difference of nothing', () => {
    const groups = headlineCards(report).find((card) => card.id === 'groups')!;
    expect(groups.value).toBeNull();
    expect(groups.details[0]!.key).toBe('runResults.cards.groups.noControl');
  });

  it('shows the difference of conversion rates and ROMI on the lift when there is a control group', () => {
    const base = reportOfRun(record)!;
    const treatment = { ...base.totals.treatment, customers: 900, converted: 90, conversionRate: 0.1 };
    const control = { ...base.totals.control, customers: 100, converted: 5, conversionRate: 0.05 };
    const withControl = { ...base, totals: { ...base.totals, treatment, control, romi: { ...base.totals.romi, incremental: { value: 2, revenue: 10, cost: 3.5, basis: 'replayed' as const, revenueIs: '' } } } };
    const groups = headlineCards(withControl).find((card) => card.id === 'groups')!;
    expect(groups.value!.kind).toBe('points');
    expect(groups.value!.value).toBeCloseTo(0.05);
    expect(groups.details.map((detail) => detail.key)).toEqual(['runResults.cards.groups.treatment', 'runResults.cards.groups.control', 'runResults.cards.groups.romi']);
    expect(groups.details[1]!.params).toEqual({ share: { kind: 'share', value: 0.05 }, converted: { kind: 'count', value: 5 }, customers: { kind: 'count', value: 100 } });
  });

  it('lays out the per-day series: entries, messages per channel, cost', () => {
    const dates = report.days.map((day) => day.date);
    const on = (date: string, values: number[]) => values[dates.indexOf(date)];
    expect(on('2025-03-03', daySeries(report, 'entries')[0]!.values)).toBe(3);
    const messages = daySeries(report, 'messages');
    expect(messages.map((series) => series.id)).toEqual(['email', 'sms']);
    expect(messages.map((series) => on('2025-03-04', series.values))).toEqual([1, 1]);
    expect(on('2025-03-04', daySeries(report, 'cost')[0]!.values)).toBe(3.5);
  });

  it('orders channels as the chain model does, unknown ones after', () => {
    expect(channelsOf({ zzz: 1, sms: 2, email: 3 })).toEqual(['email', 'sms', 'zzz']);
  });

  it('names chain pairs of the overlaps, biggest first, and keeps an unknown id as it is', () => {
    const overlap = { ...report.overlap, chainPairs: [{ chains: [report.chains[0]!.id, 'gone'], customers: 2 }, { chains: [report.chains[0]!.id, report.chains[0]!.id], customers: 5 }], capHitsByPair: [{ chainId: 'gone', byChainId: report.chains[0]!.id, hits: 4 }] };
    const rows = overlapRows({ ...report, overlap } as typeof report);
    expect(rows.pairs).toEqual([{ a: 'Abandoned cart (worked example)', b: 'Abandoned cart (worked example)', customers: 5 }, { a: 'Abandoned cart (worked example)', b: 'gone', customers: 2 }]);
    expect(rows.capHitsByPair).toEqual([{ chain: 'gone', byChain: 'Abandoned cart (worked example)', hits: 4 }]);
  });

  it('draws the heat map from the run\'s customer-day rows, and says when a run has none', () => {
    const map = heatMapOfRun(record)!;
    expect(map.cells).toHaveLength(31);
    const day = map.cells.find((cell) => cell.date === '2025-03-04')!;
    expect(day).toMatchObject({ messages: 2, customers: 2, mostForOneCustomer: 1, isOverCap: false });
    expect(map.cells.reduce((sum, cell) => sum + cell.messages, 0)).toBe(report.totals.messages);
    expect(map.chainName).toBe(record.inputs.chains[0]!.chain.name);
    expect(heatMapOfRun({ ...record, sums: { ...record.sums!, customerDays: null } })).toBeNull();
  });

  it('measures the heat map against the strictest cap that is on, else the first chain\'s kept values', () => {
    const chain = workedExampleChain();
    const withCap = (name: string, messages: number, days: number, isEnabled: boolean) => ({ ...chain, name, settings: { ...chain.settings, frequencyCap: { ...chain.settings.frequencyCap, messages, days, isEnabled } } });
    expect(heatMapCapOf([withCap('a', 3, 7, true), withCap('b', 1, 7, true), withCap('c', 1, 30, false)])!.chainName).toBe('b');
    expect(heatMapCapOf([withCap('a', 3, 7, false), withCap('b', 1, 7, false)])).toMatchObject({ chainName: 'a', cap: { isEnabled: false } });
    expect(heatMapCapOf([])).toBeNull();
  });
});
