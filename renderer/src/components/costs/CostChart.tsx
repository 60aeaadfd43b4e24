import { useEffect, useId, useRef, useState } from 'react';
import type { Chart } from 'chart.js';
import { useChartTheme } from './chart-theme.ts';
import type { MetricChart } from './cost-series.ts';

interface Props {
  title: string;
  /** Category labels as the chart shows them, and as the table's row headers. */
  labels: string[];
  /** Longer row headers for the table (full titles), when they differ. */
  rowHeaders?: string[];
  /** The table's first column header ("Day", "Workflow"). */
  rowHeading: string;
  chart: MetricChart;
  horizontal?: boolean;
}

const compact = new Intl.NumberFormat(undefined, { notation: 'compact', maximumFractionDigits: 1 });
const shorten = (text: string, max = 28) =>
  text.length > max ? `${text.slice(0, max - 1)}…` : text;

/**
 * A bar chart (Chart.js) with an accessible name, and the same numbers as a table: hidden from
 * sight but read by screen readers, shown with "Show table".
 */
export function CostChart({ title, labels, rowHeaders, rowHeading, chart, horizontal }: Props) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const theme = useChartTheme();
  const [showTable, setShowTable] = useState(false);
  const tableId = useId();
  const totals = chart.series.map((s) => s.values.reduce((a, b) => a + b, 0));
  const withTotal = chart.stacked && chart.series.length > 1;
  const grand = totals.reduce((a, b) => a + b, 0);
  const totalText = withTotal
    ? chart.series[0]!.format(grand)
    : chart.series.map((s, i) => s.format(totals[i]!)).join(', ');

  useEffect(() => {
    let instance: Chart | null = null;
    let cancelled = false;
    const valueAxis = horizontal ? 'x' : 'y';
    const categoryAxis = horizontal ? 'y' : 'x';
    // Chart.js loads with the first chart, not with the app.
    void import('./chart-setup.ts').then(({ Chart }) => {
      if (cancelled || !canvas.current) return;
      instance = new Chart(canvas.current, {
        type: 'bar',
        data: {
          labels,
          datasets: chart.series.map((s) => ({
            label: s.label,
            data: s.values,
            backgroundColor: theme.color(s.colorVar),
            borderWidth: 0,
            maxBarThickness: 28,
          })),
        },
        options: {
          indexAxis: horizontal ? 'y' : 'x',
          responsive: true,
          maintainAspectRatio: false,
          animation: false,
          font: { family: theme.font },
          plugins: {
            legend: {
              display: chart.series.length > 1,
              labels: { color: theme.text, boxWidth: 12, font: { family: theme.font } },
            },
            tooltip: {
              callbacks: {
                label: (item) =>
                  `${item.dataset.label ?? ''}: ${chart.series[item.datasetIndex]!.format(
                    (horizontal ? item.parsed.x : item.parsed.y) ?? 0,
                  )}`,
              },
            },
          },
          scales: {
            [categoryAxis]: {
              stacked: chart.stacked,
              grid: { display: false },
              ticks: {
                color: theme.muted,
                font: { family: theme.font },
                autoSkip: !horizontal,
                maxRotation: 0,
                callback(value) {
                  return shorten(this.getLabelForValue(Number(value)));
                },
              },
            },
            [valueAxis]: {
              stacked: chart.stacked,
              beginAtZero: true,
              grid: { color: theme.grid },
              border: { color: theme.grid },
              title: { display: true, text: chart.unit, color: theme.muted },
              ticks: {
                color: theme.muted,
                font: { family: theme.font },
                callback: (value) => compact.format(Number(value)),
              },
            },
          },
        },
      });
    });
    return () => {
      cancelled = true;
      instance?.destroy();
    };
  }, [labels, chart, horizontal, theme]);

  const height = horizontal ? Math.max(120, 48 + labels.length * 34) : 240;
  return (
    <figure className="cost-chart">
      <div className="cost-chart-head">
        <figcaption>{title}</figcaption>
        <button
          type="button"
          className="link-button"
          aria-expanded={showTable}
          aria-controls={tableId}
          onClick={() => setShowTable((v) => !v)}
        >
          {showTable ? 'Hide table' : 'Show table'}
        </button>
      </div>
      <div className="cost-chart-canvas" style={{ height }}>
        <canvas ref={canvas} role="img" aria-label={`${title}: bar chart, ${totalText} in all`}>
          {title}: the table below has the numbers.
        </canvas>
      </div>
      <div
        id={tableId}
        className={showTable ? 'cost-table-wrap' : 'visually-hidden'}
        // Shown, it scrolls: the keyboard can reach it to scroll.
        {...(showTable
          ? { tabIndex: 0, role: 'region', 'aria-label': `${title}, as a table` }
          : {})}
      >
        <table className="data-table cost-table">
          <caption className="visually-hidden">{title}</caption>
          <thead>
            <tr>
              <th scope="col">{rowHeading}</th>
              {chart.series.map((s) => (
                <th key={s.label} scope="col" className="num">
                  {s.label}
                </th>
              ))}
              {withTotal && (
                <th scope="col" className="num">
                  Total
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {labels.map((label, row) => (
              <tr key={`${label}-${row}`}>
                <th scope="row">{rowHeaders?.[row] ?? label}</th>
                {chart.series.map((s) => (
                  <td key={s.label} className="num">
                    {s.format(s.values[row]!)}
                  </td>
                ))}
                {withTotal && (
                  <td className="num">
                    {chart.series[0]!.format(chart.series.reduce((a, s) => a + s.values[row]!, 0))}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">Total</th>
              {chart.series.map((s, i) => (
                <td key={s.label} className="num">
                  {s.format(totals[i]!)}
                </td>
              ))}
              {withTotal && <td className="num">{chart.series[0]!.format(grand)}</td>}
            </tr>
          </tfoot>
        </table>
      </div>
    </figure>
  );
}
