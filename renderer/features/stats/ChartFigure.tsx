// One chart with its title and a "Lưu ảnh" button that saves it as a PNG through the same path
// as the progress report (a folder the officer picks on the desktop, a download in a browser).
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { platform } from '../../platform/platform';
import { bridgeErrorText } from '../../locales/bridge-error';
import { useUiStore } from '../../store/ui-store';
import { chartPng, drawChart, type AnyChartConfig, type DrawnChart } from './chart-kit';
import { localDay } from './progress';

export function ChartFigure(props: {
  id: string;
  title: string;
  /** The image's file name without the day and extension, e.g. TienDoSo. */
  fileStem: string;
  config: AnyChartConfig;
}) {
  const { t } = useTranslation();
  const notify = useUiStore((state) => state.notify);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const chartRef = useRef<DrawnChart | null>(null);
  const [isSaving, setIsSaving] = useState(false);
  const { config } = props;

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const chart = drawChart(canvas, config);
    chartRef.current = chart;
    // The printed page is narrower than the screen: draw again at the paper's width and back.
    const fit = () => chart.resize();
    window.addEventListener('beforeprint', fit);
    window.addEventListener('afterprint', fit);
    return () => {
      window.removeEventListener('beforeprint', fit);
      window.removeEventListener('afterprint', fit);
      chart.destroy();
      chartRef.current = null;
    };
  }, [config]);

  const save = async () => {
    const chart = chartRef.current;
    if (!chart) return;
    setIsSaving(true);
    try {
      const name = `BieuDo_${props.fileStem}_${localDay(Date.now())}`;
      const saved = await platform.saveBundle({
        folderName: name,
        files: [{ name: `${name}.png`, data: await chartPng(chart) }],
      });
      if (saved.ok) notify('info', t('keyingStats.charts.saved', { name: `${name}.png` }));
      else if (saved.error.code !== 'cancelled') notify('error', bridgeErrorText(saved.error));
    } catch (error) {
      notify('error', t('keyingStats.charts.saveFailed', { detail: String(error) }));
    } finally {
      setIsSaving(false);
    }
  };

  const titleId = `${props.id}-title`;
  return (
    <figure className="stats-chart" aria-labelledby={titleId}>
      <figcaption id={titleId}>{props.title}</figcaption>
      <div className="chart-box">
        <canvas ref={canvasRef} role="img" aria-label={props.title} data-chart={props.id} />
      </div>
      <button
        type="button"
        className="chart-save"
        disabled={isSaving}
        aria-label={t('keyingStats.charts.savePngOf', { title: props.title })}
        onClick={() => void save()}
      >
        {t('keyingStats.charts.savePng')}
      </button>
    </figure>
  );
}
