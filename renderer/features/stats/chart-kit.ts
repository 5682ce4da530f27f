// Chart.js as the progress screen uses it: only the bar and line charts on category and linear
// scales, with their legend and tooltips, registered once. Loaded with the charts alone (the
// screen imports StatsCharts lazily), so the first screen's bundle carries none of it.
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
  type ChartConfiguration,
  type Plugin,
} from 'chart.js';

Chart.register(
  BarController,
  BarElement,
  LineController,
  LineElement,
  PointElement,
  CategoryScale,
  LinearScale,
  Legend,
  Tooltip,
);

/** Paints the canvas white under the chart, so a saved image or a print is not transparent. */
const paper: Plugin = {
  id: 'sohoaPaper',
  beforeDraw(chart) {
    const { ctx, width, height } = chart;
    ctx.save();
    ctx.globalCompositeOperation = 'destination-over';
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, width, height);
    ctx.restore();
  },
};

/** Colours told apart in print and by most colour-blind readers (Okabe–Ito). */
export const palette = [
  '#0072B2',
  '#E69F00',
  '#009E73',
  '#CC79A7',
  '#56B4E9',
  '#D55E00',
  '#999999',
  '#F0E442',
  '#000000',
];

export type AnyChartConfig = ChartConfiguration<'bar'> | ChartConfiguration<'line'>;

/** A chart drawn on the screen. */
export type DrawnChart = Chart<'bar'> | Chart<'line'>;

/** Draws at once (no animation, so print and saved images show the whole chart). */
export function drawChart(canvas: HTMLCanvasElement, config: AnyChartConfig): DrawnChart {
  const fixed = { animation: false, responsive: true, maintainAspectRatio: false } as const;
  if (config.type === 'bar') {
    return new Chart(canvas, {
      ...config,
      options: { ...config.options, ...fixed },
      plugins: [...(config.plugins ?? []), paper],
    });
  }
  return new Chart(canvas, {
    ...config,
    options: { ...config.options, ...fixed },
    plugins: [...(config.plugins ?? []), paper],
  });
}

/** The chart as PNG bytes, as drawn on screen. */
export function chartPng(chart: DrawnChart): Promise<Uint8Array<ArrayBuffer>> {
  return new Promise((resolve, reject) => {
    chart.canvas.toBlob((blob) => {
      if (!blob) {
        reject(new Error('the canvas gave no image'));
        return;
      }
      blob.arrayBuffer().then((buffer) => resolve(new Uint8Array(buffer)), reject);
    }, 'image/png');
  });
}
