import { BarElement, CategoryScale, Chart, Filler, Legend, LinearScale, LineElement, PointElement, Tooltip } from 'chart.js';

/** The chart.js parts the journey charts use, registered once (chart.js is tree-shaken). */
Chart.register(CategoryScale, LinearScale, BarElement, LineElement, PointElement, Tooltip, Legend, Filler);

export const CHART_FONT = { family: 'Roboto, sans-serif', size: 12 };
