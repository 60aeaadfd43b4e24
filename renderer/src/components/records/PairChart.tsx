import { useEffect, useRef } from 'react';
import type { Chart } from 'chart.js';
import { useChartTheme } from '../costs/chart-theme.ts';

interface Props {
  /** Says what the chart shows, for its caption and for screen readers. */
  title: string;
  /** The measures (rows), e.g. ['Input', 'Output']. */
  labels: string[];
  /** One value per label for each call. */
  series: { name: string; values: number[] }[];
  format: (value: number) => string;
}

/** The first call in the muted colour, the other in the accent: the same in light and dark. */
const SERIES_COLORS = ['--muted', '--accent'];

/** Two calls' numbers side by side as horizontal bars (Chart.js), in the theme's colours. */
export function PairChart({ title, labels, series, format }: Props) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const theme = useChartTheme();
  useEffect(() => {
    let chart: Chart | null = null;
    let cancelled = false;
    // Chart.js loads with the first chart, not with the app (as in the Costs view).
    void import('../costs/chart-setup.ts').then(({ Chart }) => {
      if (cancelled || !canvas.current) return;
      chart = new Chart(canvas.current, {
        type: 'bar',
        data: {
          labels,
          datasets: series.map((s, i) => ({
            label: s.name,
            data: s.values,
            backgroundColor: theme.color(SERIES_COLORS[i % SERIES_COLORS.length]!),
            borderWidth: 0,
            maxBarThickness: 18,
          })),
        },
        options: {
          indexAxis: 'y',
          responsive: true,
          maintainAspectRatio: false,
          animation: false,
          font: { family: theme.font },
          plugins: {
            legend: { labels: { color: theme.text, boxWidth: 12, font: { family: theme.font } } },
            tooltip: {
              callbacks: { label: (c) => `${c.dataset.label ?? ''}: ${format(c.parsed.x ?? 0)}` },
            },
          },
          scales: {
            x: {
              beginAtZero: true,
              grid: { color: theme.grid },
              border: { color: theme.grid },
              ticks: { color: theme.muted, callback: (v) => format(Number(v)) },
            },
            y: { grid: { display: false }, ticks: { color: theme.text } },
          },
        },
      });
    });
    return () => {
      cancelled = true;
      chart?.destroy();
    };
  }, [labels, series, format, theme]);
  const summary = labels
    .map((l, i) => `${l}: ${series.map((s) => `${s.name} ${format(s.values[i] ?? 0)}`).join(', ')}`)
    .join('; ');
  return (
    <figure className="records-chart">
      <figcaption>{title}</figcaption>
      <div className="records-chart-canvas">
        <canvas ref={canvas} role="img" aria-label={`${title}. ${summary}`}>
          {summary}
        </canvas>
      </div>
    </figure>
  );
}
