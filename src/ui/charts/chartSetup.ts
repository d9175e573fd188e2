import { BarElement, CategoryScale, Chart, Filler, Legend, LinearScale, LineElement, PointElement, Tooltip, type ChartOptions, type ChartType, type Plugin, type TooltipItem } from 'chart.js';
import { DISPLAY_LOCALES, type ChartValueKind, type Formatter } from '../../domain/format';

declare module 'chart.js' {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  interface PluginOptionsByType<TType extends ChartType> {
    dataStart?: { isEnabled?: boolean };
  }
}

/** The chart.js parts the app's charts use, registered once (chart.js is tree-shaken). */
Chart.register(CategoryScale, LinearScale, BarElement, LineElement, PointElement, Tooltip, Legend, Filler);

export const CHART_FONT = { family: 'Roboto, sans-serif', size: 12 };

/** The axis text colour: text.secondary darkened to reach 4.5:1 on white. */
const AXIS_COLOR = '#5c5f66';

/**
 * Options every chart shares: the interface language's locale, the shared formatter on the
 * value axis and in tooltips (grouped thousands, the workspace currency), readable fonts.
 * `valueAxis` is 'y' for columns and lines, 'x' for horizontal bars.
 */
export function baseChartOptions<T extends ChartType>(format: Formatter, kind: ChartValueKind, { valueAxis = 'y', isStacked = false }: { valueAxis?: 'x' | 'y'; isStacked?: boolean } = {}): ChartOptions<T> {
  const categoryAxis = valueAxis === 'y' ? 'x' : 'y';
  const tooltipValue = (value: number) => (kind === 'money' ? format.chartMoney(value) : kind === 'percent' ? format.percent(value) : kind === 'days' ? format.days(value) : format.count(value));
  return {
    locale: DISPLAY_LOCALES[format.language],
    responsive: true,
    maintainAspectRatio: false,
    animation: false,
    plugins: {
      legend: { position: 'bottom', labels: { font: CHART_FONT, boxWidth: 12, color: AXIS_COLOR } },
      tooltip: {
        callbacks: {
          label: (item: TooltipItem<ChartType>) => {
            const parsed = item.parsed as { x?: number; y?: number };
            const value = (valueAxis === 'y' ? parsed.y : parsed.x) ?? 0;
            const series = (item.dataset as { label?: string }).label;
            return series ? `${series}: ${tooltipValue(value)}` : tooltipValue(value);
          },
        },
      },
    },
    scales: {
      [valueAxis]: { stacked: isStacked, beginAtZero: true, ticks: { font: CHART_FONT, color: AXIS_COLOR, precision: kind === 'count' ? 0 : undefined, callback: (value: number | string) => format.axisTick(Number(value), kind) } },
      [categoryAxis]: { stacked: isStacked, ticks: { font: CHART_FONT, color: AXIS_COLOR, autoSkip: categoryAxis === 'x', maxRotation: 0 } },
    },
  } as ChartOptions<T>;
}

/**
 * Shades the first period of a period chart when its options say `plugins.dataStart.isEnabled`
 * (the caller marks the first label too, with `markDataStart`): the first month holds everything that happened before the data's start,
 * so it must not read as a spike.
 */
const dataStartPlugin: Plugin = {
  id: 'dataStart',
  beforeDatasetsDraw(chart, _args, options: { isEnabled?: boolean }) {
    const x = chart.scales.x;
    const count = chart.data.labels?.length ?? 0;
    if (!options.isEnabled || !x || count < 2) return;
    const first = x.getPixelForValue(0);
    const second = x.getPixelForValue(1);
    const { top, bottom, left } = chart.chartArea;
    const right = (first + second) / 2;
    const { ctx } = chart;
    ctx.save();
    ctx.fillStyle = 'rgba(95, 95, 95, 0.10)';
    ctx.fillRect(left, top, right - left, bottom - top);
    ctx.strokeStyle = 'rgba(95, 95, 95, 0.6)';
    ctx.setLineDash([4, 3]);
    ctx.beginPath();
    ctx.moveTo(right, top);
    ctx.lineTo(right, bottom);
    ctx.stroke();
    ctx.restore();
  },
};

Chart.register(dataStartPlugin);

/** The period labels with the first one marked ("Mar 2025" over "data starts here"). */
export function markDataStart(labels: string[], marker: string): (string | string[])[] {
  return labels.map((label, index) => (index === 0 && labels.length > 1 ? [label, marker] : label));
}
