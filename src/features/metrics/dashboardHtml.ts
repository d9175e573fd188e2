/**
 * The exported dashboard (§7.3 "a cheap data mart or dashboard" a trainer hands out): one
 * self-contained HTML page — the headline figures, the curves as images with their text
 * alternatives, every table — styled for screen and print, with no script and nothing loaded
 * from elsewhere. Everything put in is text and is escaped here.
 */
export interface DashboardFigure {
  label: string;
  value: string;
  detail: string;
  /** "n = 12: too few to judge" */
  small?: string;
  changes: string[];
}

export interface DashboardTableRow {
  cells: string[];
  /** a background per cell (CSS colour), null for none */
  shades?: (string | null)[];
  isMuted?: boolean;
}

export interface DashboardTable {
  title: string;
  header: string[];
  rows: DashboardTableRow[];
  note?: string;
}

export interface DashboardChart {
  title: string;
  summary: string;
  /** PNG or SVG data URL */
  image: string;
  /** a whole row of the page (a chain's picture), not one cell of the charts' grid */
  isWide?: boolean;
}

export interface DashboardDocument {
  language: 'ru' | 'en';
  title: string;
  subtitle: string;
  notes: string[];
  figures: DashboardFigure[];
  charts: DashboardChart[];
  tables: DashboardTable[];
  footer: string;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => ESCAPES[character]!);
}

/**
 * Only base64 data URLs of PNG or SVG images, so nothing else can be smuggled into `src` (an SVG
 * shown by <img> runs no script and loads nothing).
 */
function imageSource(image: string): string {
  return /^data:image\/(png|svg\+xml);base64,[A-Za-z0-9+/=]+$/.test(image) ? image : '';
}

/** Only plain colour values as backgrounds. */
function shade(value: string | null | undefined): string {
  return value && /^(#[0-9a-f]{3,8}|hsl\([\d.,% ]+\)|rgba?\([\d.,% ]+\))$/i.test(value) ? ` style="background:${value}"` : '';
}

const STYLE = `
*{box-sizing:border-box}
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:#1b1f24;margin:24px;font-size:13px;line-height:1.4}
h1{font-size:22px;margin:0 0 4px}h2{font-size:16px;margin:24px 0 8px}
.sub{color:#4d5156;margin:0 0 4px}
.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(170px,1fr));gap:10px;margin-top:12px}
.card{border:1px solid #d5d9de;border-radius:8px;padding:10px;break-inside:avoid}
.card .label{color:#4d5156}.card .value{font-size:20px;font-weight:600;margin:2px 0}
.card .detail,.card .change{color:#4d5156;font-size:11px}.card.small .value{color:#4d5156}.card .smallnote{font-style:italic;color:#4d5156;font-size:11px}
.charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(320px,1fr));gap:16px}figure.wide{grid-column:1/-1}figure.wide img{width:auto;max-width:100%;max-height:1000px}
figure{margin:0;break-inside:avoid}figure img{width:100%;height:auto;border:1px solid #e3e5ea;border-radius:6px}figcaption{color:#4d5156;font-size:11px}
table{border-collapse:collapse;font-variant-numeric:tabular-nums;font-size:11px}
th,td{border:1px solid #e3e5ea;padding:2px 6px;text-align:right;white-space:nowrap}
th:first-child,td:first-child{text-align:left}thead th{background:#f3f5f7}
tr.muted td{color:#4d5156;font-style:italic}
.note{color:#4d5156;font-size:11px;margin:4px 0 0}
.tablewrap{overflow-x:auto}
footer{margin-top:24px;color:#4d5156;font-size:11px}
@page{size:A4 landscape;margin:12mm}
@media print{body{margin:0}.tablewrap{overflow:visible}h2{break-after:avoid}table{break-inside:auto}tr{break-inside:avoid}}
`;

function figureHtml(figure: DashboardFigure): string {
  return `<div class="card${figure.small ? ' small' : ''}"><div class="label">${escapeHtml(figure.label)}</div><div class="value">${escapeHtml(figure.value)}</div><div class="detail">${escapeHtml(figure.detail)}</div>${
    figure.small ? `<div class="smallnote">${escapeHtml(figure.small)}</div>` : ''
  }${figure.changes.map((change) => `<div class="change">${escapeHtml(change)}</div>`).join('')}</div>`;
}

function tableHtml(table: DashboardTable): string {
  const head = `<thead><tr>${table.header.map((cell) => `<th scope="col">${escapeHtml(cell)}</th>`).join('')}</tr></thead>`;
  const body = table.rows
    .map((row) => `<tr${row.isMuted ? ' class="muted"' : ''}>${row.cells.map((cell, i) => (i === 0 ? `<th scope="row">${escapeHtml(cell)}</th>` : `<td${shade(row.shades?.[i])}>${escapeHtml(cell)}</td>`)).join('')}</tr>`)
    .join('');
  return `<section><h2>${escapeHtml(table.title)}</h2><div class="tablewrap"><table>${head}<tbody>${body}</tbody></table></div>${table.note ? `<p class="note">${escapeHtml(table.note)}</p>` : ''}</section>`;
}

export function dashboardHtml(document: DashboardDocument): string {
  const charts = document.charts
    .map((chart) => `<figure${chart.isWide ? ' class="wide"' : ''}><img src="${imageSource(chart.image)}" alt="${escapeHtml(`${chart.title}. ${chart.summary}`)}"><figcaption><strong>${escapeHtml(chart.title)}</strong>. ${escapeHtml(chart.summary)}</figcaption></figure>`)
    .join('');
  return [
    '<!doctype html>',
    `<html lang="${document.language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">`,
    `<title>${escapeHtml(document.title)}</title><style>${STYLE}</style></head><body>`,
    `<header><h1>${escapeHtml(document.title)}</h1><p class="sub">${escapeHtml(document.subtitle)}</p>${document.notes.map((note) => `<p class="sub">${escapeHtml(note)}</p>`).join('')}</header>`,
    `<main><section><div class="cards">${document.figures.map(figureHtml).join('')}</div></section>`,
    charts ? `<section><div class="charts">${charts}</div></section>` : '',
    document.tables.map(tableHtml).join(''),
    `</main><footer>${escapeHtml(document.footer)}</footer></body></html>`,
  ].join('\n');
}
