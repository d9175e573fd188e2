import { describe, expect, it } from 'vitest';
import { dashboardHtml, escapeHtml, type DashboardDocument } from './dashboardHtml';

const PNG = 'data:image/png;base64,iVBORw0KGgo=';

function doc(overrides: Partial<DashboardDocument> = {}): DashboardDocument {
  return {
    language: 'ru',
    title: 'Метрики <Demo>',
    subtitle: 'На 1 нояб. 2026 г.',
    notes: [],
    figures: [{ label: 'Покупатели', value: '1 408', detail: 'из 2 000', changes: ['+12 % к году ранее'] }],
    charts: [{ title: 'Среднее удержание', summary: '18 % снова заказали в М1', image: PNG }],
    tables: [{ title: 'Когорты', header: ['Когорта', 'М0'], rows: [{ cells: ['2025-09', '100 %'], shades: [null, 'hsl(210, 85%, 80.0%)'] }, { cells: ['2026-10', '=cmd()'], isMuted: true }], note: '* неполный период' }],
    footer: 'Сделано в ChainLab',
    ...overrides,
  };
}

describe('the exported dashboard', () => {
  it('is one self-contained page: figures, charts with text alternatives, tables, print styles, no script', () => {
    const html = dashboardHtml(doc());
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain('<html lang="ru">');
    expect(html).toContain('<title>Метрики &lt;Demo&gt;</title>');
    expect(html).toContain(`<img src="${PNG}" alt="Среднее удержание. 18 % снова заказали в М1">`);
    expect(html).toContain('<th scope="row">2025-09</th><td style="background:hsl(210, 85%, 80.0%)">100 %</td>');
    expect(html).toContain('<tr class="muted">');
    expect(html).toContain('@media print');
    expect(html).not.toMatch(/<script|https?:\/\//);
  });

  it('escapes every text and refuses anything but PNG data and plain colours', () => {
    const html = dashboardHtml(doc({
      figures: [{ label: '<img src=x onerror=alert(1)>', value: '"', detail: "'", changes: [] }],
      charts: [{ title: 't', summary: 's', image: 'javascript:alert(1)' }],
      tables: [{ title: 't', header: ['a', 'b'], rows: [{ cells: ['x', 'y'], shades: [null, 'red;background:url(http://evil)'] }] }],
    }));
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('<img src="" alt=');
    expect(html).not.toContain('evil');
    expect(escapeHtml(`<&>"'`)).toBe('&lt;&amp;&gt;&quot;&#39;');
  });
});
