import { useEffect, useMemo } from 'react';
import { BudgetsPanel } from '../components/costs/BudgetsPanel.tsx';
import { ChoiceGroup } from '../components/costs/ChoiceGroup.tsx';
import { CostChart } from '../components/costs/CostChart.tsx';
import { CostTotals } from '../components/costs/CostTotals.tsx';
import { byMetric, METRIC_NAMES, metricChart } from '../components/costs/cost-series.ts';
import { ProgressBar } from '../components/ProgressBar.tsx';
import type { CostMetric, CostPeriod } from '../state/costs-slice.ts';
import { useCairn } from '../state/store.ts';
import '../styles/costs.css';

const PERIODS = [
  { value: 7, label: '7 days' },
  { value: 30, label: '30 days' },
  { value: 90, label: '90 days' },
] as const satisfies readonly { value: CostPeriod; label: string }[];

const METRICS = (['tokens', 'time', 'money'] as const).map((value) => ({
  value,
  label: METRIC_NAMES[value],
}));

const dayShort = new Intl.DateTimeFormat(undefined, {
  month: 'short',
  day: 'numeric',
  timeZone: 'UTC',
});
const dayLong = new Intl.DateTimeFormat(undefined, {
  weekday: 'short',
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  timeZone: 'UTC',
});

export function CostsView() {
  const summary = useCairn((s) => s.costSummary);
  const metric = useCairn((s) => s.costMetric);
  const period = useCairn((s) => s.costPeriod);
  const loading = useCairn((s) => s.costsLoading);
  const error = useCairn((s) => s.costsError);
  const currency = useCairn((s) => s.budgetDefaults?.currency ?? 'USD');
  const setMetric = useCairn((s) => s.setCostMetric);
  const setPeriod = useCairn((s) => s.setCostPeriod);
  const loadCosts = useCairn((s) => s.loadCosts);

  useEffect(() => {
    void loadCosts();
  }, [loadCosts]);

  const charts = useMemo(() => {
    if (!summary) return null;
    const days = summary.days;
    const workflows = byMetric(summary.workflows, metric);
    const items = byMetric(summary.workItems, metric);
    return {
      days: {
        labels: days.map((d) => dayShort.format(Date.parse(d.key!))),
        rowHeaders: days.map((d) => dayLong.format(Date.parse(d.key!))),
        chart: metricChart(days, metric, currency),
      },
      workflows: {
        labels: workflows.map((w) => w.title ?? w.key ?? 'Outside any run'),
        rowHeaders: workflows.map((w) =>
          w.key ? `${w.title ?? w.key} (${w.key})` : 'Outside any run (re-runs, tests)',
        ),
        chart: metricChart(workflows, metric, currency),
      },
      items: {
        labels: items.map((w) => (w.key ? `${w.key} ${w.title ?? ''}`.trim() : 'No work item')),
        rowHeaders: undefined,
        chart: metricChart(items, metric, currency),
      },
    };
  }, [summary, metric, currency]);

  const name = METRIC_NAMES[metric];
  const periodWords = `last ${period} days`;
  return (
    <section className="view costs" aria-labelledby="costs-view-title">
      <h1 id="costs-view-title">Costs</h1>
      <p className="muted">
        Tokens, time and money of every model call recorded on this machine, by day, workflow and
        work item.
      </p>
      <div className="cost-controls">
        <ChoiceGroup legend="Period" value={period} options={PERIODS} onChange={setPeriod} />
        <ChoiceGroup<CostMetric>
          legend="Measure"
          value={metric}
          options={METRICS}
          onChange={setMetric}
        />
      </div>
      {error && (
        <div className="error" role="alert">
          <p>Could not read the costs: {error.message}</p>
          <button type="button" onClick={() => void loadCosts()}>
            Try again
          </button>
        </div>
      )}
      {loading && !summary && (
        <ProgressBar label="Summing the costs" value={0} max={null} valueText="summing" />
      )}
      {summary && charts && (
        <>
          <p className="small muted" aria-live="polite">
            {dayLong.format(Date.parse(summary.from))} to {dayLong.format(Date.parse(summary.to))}
            {loading ? ' · updating…' : ''}
          </p>
          <CostTotals total={summary.total} currency={currency} />
          {summary.total.calls === 0 ? (
            <p className="panel muted">
              No model calls were recorded in the {periodWords}. Run a workflow (Runs, Alt+3) and
              its calls show here.
            </p>
          ) : (
            <div className="cost-charts">
              <div className="panel cost-wide">
                <CostChart
                  title={`${name} by day, ${periodWords}`}
                  rowHeading="Day"
                  {...charts.days}
                />
              </div>
              <div className="panel">
                <CostChart
                  title={`${name} by workflow, ${periodWords}`}
                  rowHeading="Workflow"
                  horizontal
                  {...charts.workflows}
                />
              </div>
              <div className="panel">
                <CostChart
                  title={`${name} by work item, ${periodWords}`}
                  rowHeading="Work item"
                  horizontal
                  {...charts.items}
                />
              </div>
            </div>
          )}
        </>
      )}
      <BudgetsPanel />
    </section>
  );
}
