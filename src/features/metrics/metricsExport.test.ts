import i18next, { type TFunction } from 'i18next';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { computeDashboard, cutTotals, membershipGrouping } from '../../domain/metrics';
import { day, testHistory, type TestRow } from '../../domain/metrics/testing';
import { cohortCsv, cutCsv, ordersPerBuyerCsv, totalsCsv, totalsTable } from './metricsExport';
import type { MetricsFormat } from './metricsFormat';
import { metricsTexts } from './texts';

const format: MetricsFormat = {
  count: (value) => String(Math.round(value)),
  money: (value) => value.toFixed(2),
  percent: (share) => `${(share * 100).toFixed(1)}%`,
  decimal: (value, digits = 2) => value.toFixed(digits),
  calendarDate: (isoDate) => isoDate,
};

let t: TFunction;
beforeAll(async () => {
  const instance = i18next.createInstance();
  await instance.init({ lng: 'ru', resources: { ru: { translation: { metrics: metricsTexts.ru } } }, interpolation: { escapeValue: false } });
  t = instance.t;
});

const rows: TestRow[] = [
  ['a', 'order', '2026-01-05T10:00:00Z', 100],
  ['a', 'order', '2026-02-05T10:00:00Z', 50],
  ['=HYPERLINK("x")', 'order', '2026-01-06T10:00:00Z', 30],
];
const fixture = testHistory(rows);
const dashboard = computeDashboard(fixture.history, { asOfDay: day('2026-02-15'), unit: 'month', period: 'all', churnDays: 365 });
const parse = (text: string) => Papa.parse<string[]>(text.trim()).data;

describe('metrics exports', () => {
  it('write the totals with raw numbers and the values a year and a quarter before, in the interface language', () => {
    const table = parse(totalsCsv({ dashboard, cut: null, format, t, churnDays: 365, workspaceName: 'w', timeZone: 'UTC', scopeNote: null }));
    expect(table[0]).toEqual(['Показатель', 'Значение', 'Год назад', 'Квартал назад']);
    expect(table.find((row) => row[0] === 'Заказы')).toEqual(['Заказы', '3', '0', '0']);
    expect(table.find((row) => row[0] === 'Доля повторных покупок')![1]).toBe('0.5');
  });

  it('write each cohort view, the partial period named', () => {
    const retention = parse(cohortCsv(dashboard.cohorts, 'retention', t));
    expect(retention[0]).toEqual(['Когорта', 'Первый день', 'Клиентов', 'М0', 'М1', 'Неполный период']);
    expect(retention[1]).toEqual(['2026-01', '2026-01-01', '2', '1', '0.5', 'М1']);
    expect(parse(cohortCsv(dashboard.cohorts, 'ltv', t))[1]).toEqual(['2026-01', '2026-01-01', '2', '65', '90', 'М1']);
  });

  it('neutralise formulas in names, and write a cut and the orders per buyer', () => {
    const cut = cutTotals(fixture.history, { fromDay: null, toDay: day('2026-02-15') }, membershipGrouping(fixture.history.customerCount, [fixture.c('a')]), 365);
    const csv = cutCsv(cut, [{ name: '=cmd|"/c calc"!A1' }, { name: 'Остальные' }], t);
    expect(csv).toContain(`"'=cmd|""/c calc""!A1"`);
    expect(parse(csv)[2]![0]).toBe('Остальные');
    expect(parse(ordersPerBuyerCsv(dashboard, t))).toEqual([['Заказов', 'Покупатели'], ['1', '1'], ['2', '1'], ['3', '0'], ['4', '0'], ['5 и больше', '0']]);
  });

  it('lay out the headline table for the HTML dashboard, small samples muted', () => {
    const table = totalsTable({ dashboard, cut: null, format, t, churnDays: 365, workspaceName: 'w', timeZone: 'UTC', scopeNote: null });
    expect(table.rows.find((row) => row.cells[0] === 'Средний чек')).toMatchObject({ cells: ['Средний чек', '60.00', 'валовая выручка ÷ 3 заказов', '—', '—'], isMuted: true });
  });
});
