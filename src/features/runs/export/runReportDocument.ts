import type { ChartConfiguration } from 'chart.js';
import type { TFunction } from 'i18next';
import type { SimulationReport, SimulationRunRecord } from '../../../domain/simulation';
import type { Formatter } from '../../../ui/format';
import type { DashboardChart, DashboardDocument, DashboardTable } from '../../metrics/dashboardHtml';
import { categoryColor, categoryDash } from '../../../ui/palette';
import { DAY_CHARTS, daySeries, headlineCards, overlapRows, type DayChart } from '../results/resultsModel';
import { channelName, figureText, formatFigure } from '../results/runText';

/**
 * The printable run report (issue 14 "a run report as one printable HTML page … for a workshop or a
 * manager"): the run's inputs, the honesty sentence, the headline cards with their basis, the
 * per-day charts as images, and the per-node and overlap tables. It is laid out by the metrics
 * dashboard's page (`dashboardHtml`: self-contained, no script, every text escaped).
 */
export interface ReportContext {
  t: TFunction;
  format: Formatter;
  language: 'en' | 'ru';
  /** draws a chart configuration to a PNG data URL (a detached canvas in the browser) */
  drawChart(config: ChartConfiguration<'line', number[], string>): string;
  /** the canvas of each chain as a PNG data URL, when the page could take a picture of it */
  canvasPictures?: { name: string; image: string }[];
}

export function dayChartConfig(report: SimulationReport, chart: DayChart, { t }: Pick<ReportContext, 't'>): ChartConfiguration<'line', number[], string> {
  const series = daySeries(report, chart);
  return {
    type: 'line',
    data: {
      labels: report.days.map((day) => day.date),
      datasets: series.map((item, index) => ({
        label: chart === 'messages' ? channelName(item.id, t) : t(`runResults.charts.series.${item.id}`),
        data: item.values,
        borderColor: categoryColor(index),
        backgroundColor: categoryColor(index),
        borderDash: item.basis === 'projected' ? categoryDash(1) : categoryDash(0),
        pointRadius: 0,
        borderWidth: 2,
      })),
    },
    options: { responsive: false, animation: false, plugins: { legend: { display: true, position: 'bottom' } }, scales: { y: { beginAtZero: true } } },
  };
}

function nodeTable(record: SimulationRunRecord, report: SimulationReport, { t, format }: ReportContext): DashboardTable {
  const rows = report.chains.flatMap((chain) => {
    const definition = record.inputs.chains.find((input) => input.chain.id === chain.id)?.chain;
    return Object.entries(chain.nodes).map(([nodeId, node]) => {
      const sent = Object.values(node.sent).reduce((sum, value) => sum + value, 0);
      const suppressed = Object.values(node.suppressed).reduce((sum, value) => sum + value, 0);
      return { cells: [`${chain.name} · ${definition?.nodes.find((item) => item.id === nodeId)?.label || nodeId}`, format.count(node.entered), format.count(node.waiting), format.count(node.ended), format.count(sent), format.count(suppressed), format.count(node.conversions)] };
    });
  });
  const columns = Object.values(t('runResults.report.nodeColumns', { returnObjects: true }) as Record<string, string>);
  return { title: t('runResults.report.nodes'), header: columns, rows };
}

function overlapTable(report: SimulationReport, { t, format }: ReportContext): DashboardTable | null {
  const overlap = overlapRows(report);
  if (report.chains.length < 2) return null;
  return {
    title: t('runResults.overlap.title'),
    header: [t('runResults.overlap.chainA'), t('runResults.overlap.chainB'), t('runResults.overlap.customers')],
    rows: overlap.pairs.map((pair) => ({ cells: [pair.a, pair.b, format.count(pair.customers)] })),
    note: `${t('runResults.overlap.severalChains', { n: format.count(overlap.customersInSeveralChains) })}; ${t('runResults.overlap.capHits', { n: format.count(overlap.capHits) })}`,
  };
}

export function runReportDocument(record: SimulationRunRecord, report: SimulationReport, context: ReportContext): DashboardDocument {
  const { t, format } = context;
  const settings = record.inputs.settings;
  const figures = headlineCards(report).map((card) => ({
    label: `${t(`runResults.cards.title.${card.id}`)} (${t(`runResults.results.basis.${card.basis}`)})`,
    value: card.value ? formatFigure(card.value, format, t) : t('runResults.cards.none'),
    detail: card.details.map((detail) => figureText(detail, format, t)).join('; '),
    changes: [],
  }));
  const charts: DashboardChart[] = [
    ...(context.canvasPictures ?? []).map((picture) => ({ title: picture.name, summary: t('runResults.report.canvas'), image: picture.image, isWide: true })),
    ...(report.days.length
      ? DAY_CHARTS.map((chart) => ({
          title: t(`runResults.charts.${chart}`),
          summary: t('runResults.report.chartSummary', { days: report.days.length, from: format.calendarDate(report.days[0]!.date), to: format.calendarDate(report.days.at(-1)!.date) }),
          image: context.drawChart(dayChartConfig(report, chart, context)),
        }))
      : []),
  ];
  const overlap = overlapTable(report, context);
  return {
    language: context.language,
    title: record.name,
    subtitle: t('runResults.results.subtitle', {
      chains: record.inputs.chains.map((input) => input.chain.name).join(', '),
      period: t('runResults.list.period', { from: format.calendarDate(settings.from), to: format.calendarDate(settings.to) }),
      seed: settings.seed,
      date: format.dateTime(record.createdAt),
    }),
    notes: [t('runResults.results.honesty'), settings.projection ? t('runResults.results.projectionAssumptions', { seed: settings.seed, margin: format.percent(settings.margin, 0) }) : t('runResults.results.projectionOff')],
    figures,
    charts,
    tables: [nodeTable(record, report, context), ...(overlap ? [overlap] : [])],
    footer: t('runResults.report.footer', { date: format.dateTime(record.finishedAt) }),
  };
}
