import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { createFormatter } from '../../../domain/format';
import { dashboardHtml } from '../../metrics/dashboardHtml';
import { inspectorTexts } from '../../chains/inspector/texts';
import { reportOfRun } from '../results/resultsModel';
import { workedExampleRun } from '../results/testing';
import { runResultsTexts } from '../results/texts';
import { runReportDocument } from './runReportDocument';

const PIXEL = 'data:image/png;base64,iVBORw0KGgo=';

async function translator(language: 'en' | 'ru'): Promise<TFunction> {
  const instance = i18next.createInstance();
  const texts = language === 'en' ? { runResults: runResultsTexts.en, inspector: inspectorTexts.en } : { runResults: runResultsTexts.ru, inspector: inspectorTexts.ru };
  await instance.init({ lng: language, resources: { [language]: { translation: texts } }, interpolation: { escapeValue: false } });
  return instance.t;
}

describe('the printable run report', () => {
  let en: TFunction;
  let ru: TFunction;
  beforeAll(async () => {
    en = await translator('en');
    ru = await translator('ru');
  });

  it('has the honesty sentence, every card with its basis, the day charts as images and the per-node table', () => {
    const record = workedExampleRun({ projection: true });
    const charts: string[] = [];
    const document = runReportDocument(record, reportOfRun(record)!, { t: en, format: createFormatter({ language: 'en', currency: 'RUB', timeZone: 'Europe/Moscow' }), language: 'en', drawChart: (config) => (charts.push(config.data.datasets.map((set) => set.label).join('|')), PIXEL) });
    expect(document.notes[0]).toContain('Lift is shown only under the projection’s stated assumptions');
    expect(document.notes[1]).toContain('Projection: on');
    expect(document.figures.map((figure) => figure.label)).toEqual(['Customers reached (replayed)', 'Messages (replayed)', 'Cost (replayed)', 'Conversions, organic (replayed)', 'Conversions, projected (projected)', 'Treatment vs control (replayed)']);
    expect(charts).toEqual(['Entries', 'Email|SMS', 'Conversions (replayed)|Conversions (projected)', 'Cost']);
    const nodes = document.tables[0]!;
    expect(nodes.rows).toHaveLength(Object.keys(record.sums!.chains[0]!.nodes).length);
    expect(document.tables).toHaveLength(1);
  });

  it('escapes what the user typed and reads in Russian', () => {
    const record = workedExampleRun();
    record.name = '<script>alert(1)</script>';
    const html = dashboardHtml(runReportDocument(record, reportOfRun(record)!, { t: ru, format: createFormatter({ language: 'ru', currency: 'RUB', timeZone: 'Europe/Moscow' }), language: 'ru', drawChart: () => PIXEL }));
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('<html lang="ru">');
    expect(html).toContain('Охвачено клиентов (по истории)');
    expect(html).toContain('Прогноз: выключен');
  });
});
