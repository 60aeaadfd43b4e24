import { useEffect, useRef } from 'react';
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  Tooltip,
} from 'chart.js';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);

interface Props {
  /** Says what the chart shows, for its heading and for screen readers. */
  title: string;
  /** The measures (rows), e.g. ['Input', 'Output']. */
  labels: string[];
  /** One value per label for each call. */
  series: { name: string; values: number[] }[];
  format: (value: number) => string;
}

function cssVar(name: string): string {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim();
}

/** Two calls' numbers side by side as horizontal bars, in the theme's colors. */
export function PairChart({ title, labels, series, format }: Props) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (!canvas.current) return;
    const colors = () => [cssVar('--muted'), cssVar('--accent')];
    const chart = new Chart(canvas.current, {
      type: 'bar',
      data: {
        labels,
        datasets: series.map((s, i) => ({
          label: s.name,
          data: s.values,
          backgroundColor: colors()[i % 2],
          borderRadius: 3,
        })),
      },
      options: {
        indexAxis: 'y',
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        plugins: {
          legend: { labels: { color: cssVar('--text'), boxWidth: 12 } },
          tooltip: {
            callbacks: { label: (c) => `${c.dataset.label}: ${format(Number(c.raw))}` },
          },
        },
        scales: {
          x: {
            beginAtZero: true,
            ticks: { color: cssVar('--muted'), callback: (v) => format(Number(v)) },
            grid: { color: cssVar('--border') },
          },
          y: { ticks: { color: cssVar('--text') }, grid: { display: false } },
        },
      },
    });
    // Dark and light themes follow the system: recolor when it changes.
    const scheme = window.matchMedia('(prefers-color-scheme: dark)');
    const recolor = () => {
      chart.data.datasets.forEach((d, i) => (d.backgroundColor = colors()[i % 2]));
      chart.options.plugins!.legend!.labels!.color = cssVar('--text');
      chart.options.scales!.x!.ticks!.color = cssVar('--muted');
      chart.options.scales!.x!.grid!.color = cssVar('--border');
      chart.options.scales!.y!.ticks!.color = cssVar('--text');
      chart.update();
    };
    scheme.addEventListener('change', recolor);
    return () => {
      scheme.removeEventListener('change', recolor);
      chart.destroy();
    };
  }, [labels, series, format]);
  const summary = labels
    .map((l, i) => `${l}: ${series.map((s) => `${s.name} ${format(s.values[i] ?? 0)}`).join(', ')}`)
    .join('; ');
  return (
    <figure className="records-chart">
      <figcaption>{title}</figcaption>
      <div className="records-chart-canvas">
        <canvas ref={canvas} role="img" aria-label={`${title}. ${summary}`} />
      </div>
    </figure>
  );
}
