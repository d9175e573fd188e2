import { CategoryScale, Chart, Filler, LinearScale, LineController, LineElement, PointElement, Tooltip, type ChartConfiguration } from 'chart.js';
import type { CohortAverage } from '../../domain/metrics';

Chart.register(CategoryScale, LinearScale, LineController, LineElement, PointElement, Filler, Tooltip);

/**
 * The average retention and LTV curves (chart.js), as one configuration used both on screen
 * (react-chartjs-2) and for the exported dashboard's images, so both draw the same thing.
 * Points stop where no cohort has a complete period; a null point is a gap, not a zero.
 */
export type CurveKind = 'retention' | 'ltv';

const COLORS: Record<CurveKind, string> = { retention: '#1565c0', ltv: '#2e7d32' };

export interface CurveInput {
  kind: CurveKind;
  average: CohortAverage;
  /** label of period k ("M3", "Н3") */
  periodLabel(k: number): string;
  formatValue(value: number): string;
  seriesName: string;
}

/** The points worth drawing: up to the last period with a value. */
export function curvePoints(average: CohortAverage, kind: CurveKind): (number | null)[] {
  const values = kind === 'retention' ? average.retention : average.ltv;
  let last = values.length - 1;
  while (last >= 0 && values[last] === null) last--;
  return values.slice(0, last + 1);
}

export function curveConfig(input: CurveInput, isAnimated = true): ChartConfiguration<'line', (number | null)[], string> {
  const points = curvePoints(input.average, input.kind);
  const color = COLORS[input.kind];
  return {
    type: 'line',
    data: {
      labels: points.map((_, k) => input.periodLabel(k)),
      datasets: [{ label: input.seriesName, data: points, borderColor: color, backgroundColor: `${color}22`, fill: true, pointRadius: 2, tension: 0.2, spanGaps: false }],
    },
    options: {
      responsive: isAnimated,
      maintainAspectRatio: false,
      animation: isAnimated ? { duration: 250 } : false,
      plugins: { legend: { display: false }, tooltip: { callbacks: { label: (item) => input.formatValue(Number(item.parsed.y ?? 0)) } } },
      scales: {
        x: { ticks: { autoSkip: true, maxRotation: 0 } },
        y: { beginAtZero: true, ...(input.kind === 'retention' ? { max: 1 } : {}), ticks: { callback: (tick) => input.formatValue(Number(tick)) } },
      },
    },
  };
}

/** Draws a configuration on a detached canvas and returns it as a PNG data URL (for the exported dashboard). */
export function chartImage(config: ChartConfiguration<'line', (number | null)[], string>, width: number, height: number): string {
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const chart = new Chart(canvas, { ...config, options: { ...config.options, responsive: false, animation: false, devicePixelRatio: 2 } });
  try {
    return chart.toBase64Image('image/png');
  } finally {
    chart.destroy();
  }
}
