// Known costs on a real app database, written through the real stores: two work items, two
// runs of two workflows, and model calls on local, hosted and cloud models spread over days,
// so tests can assert sums by day, workflow and work item (see COST_FIXTURE_TOTALS).
import type { Database } from 'better-sqlite3';
import { RecordStore } from '../../electron/services/records/record-store.ts';
import { RunStore } from '../../electron/services/workflows/run-store.ts';
import { WorkItemStore, type WorkItem } from '../../electron/services/workflows/work-item-store.ts';
import { WorkflowSchema } from '../../workflows/engine/definition.ts';
import type { Envelope, TokenCounts } from '../../workflows/records/envelope.ts';
import { sampleEnvelope } from './envelopes.ts';

export interface CostFixture {
  feature: WorkItem;
  bug: WorkItem;
  featureRun: string;
  bugRun: string;
}

const definition = (id: string, title: string) =>
  WorkflowSchema.parse({ id, title, passes: [{ id: 'draft', uses: 'draft' }] });

/** `daysAgo` days before `now` at 10:00 UTC. */
function dayAt(now: Date, daysAgo: number): string {
  const d = new Date(now.getTime() - daysAgo * 86_400_000);
  d.setUTCHours(10, 0, 0, 0);
  return d.toISOString();
}

interface Call {
  id: string;
  daysAgo: number;
  run: 'feature' | 'bug' | null;
  tokens: TokenCounts;
  totalMs: number;
  loadMs: number;
  cost: number;
}

const t = (input: number, cachedInput: number, output: number): TokenCounts => ({
  input,
  cachedInput,
  cacheWrite: 0,
  output,
  reasoning: 0,
});

export const COST_FIXTURE_CALLS: readonly Call[] = [
  // The feature run: two local calls today, one cloud call yesterday.
  {
    id: 'CALL-F1',
    daysAgo: 0,
    run: 'feature',
    tokens: t(1000, 200, 300),
    totalMs: 4000,
    loadMs: 500,
    cost: 0,
  },
  {
    id: 'CALL-F2',
    daysAgo: 0,
    run: 'feature',
    tokens: t(2000, 1500, 500),
    totalMs: 6000,
    loadMs: 0,
    cost: 0,
  },
  {
    id: 'CALL-F3',
    daysAgo: 1,
    run: 'feature',
    tokens: t(3000, 0, 700),
    totalMs: 2500,
    loadMs: 0,
    cost: 0.125,
  },
  // The bug run: a cloud call three days ago.
  {
    id: 'CALL-B1',
    daysAgo: 3,
    run: 'bug',
    tokens: t(500, 100, 250),
    totalMs: 1500,
    loadMs: 0,
    cost: 0.5,
  },
  // A re-run outside any run, 10 days ago; and one 45 days ago, outside a 30-day period.
  {
    id: 'CALL-R1',
    daysAgo: 10,
    run: null,
    tokens: t(100, 0, 50),
    totalMs: 800,
    loadMs: 200,
    cost: 0,
  },
  {
    id: 'CALL-OLD',
    daysAgo: 45,
    run: 'bug',
    tokens: t(9000, 0, 9000),
    totalMs: 90000,
    loadMs: 0,
    cost: 7,
  },
];

/** What the fixture sums to over the last 30 days. */
export const COST_FIXTURE_TOTALS = {
  calls: 5,
  input: 6600,
  cachedInput: 1800,
  output: 1800,
  totalMs: 14800,
  loadMs: 700,
  money: 0.625,
  feature: { calls: 3, input: 6000, output: 1500, money: 0.125 },
  bug: { calls: 1, input: 500, output: 250, money: 0.5 },
};

export function seedCosts(db: Database, workspaceRoot: string, now = new Date()): CostFixture {
  const items = new WorkItemStore(db);
  const runs = new RunStore(db);
  const records = new RecordStore(db);
  const feature = items.create({
    kind: 'feature',
    title: 'Offline review comments',
    folder: null,
    workspaceRoot,
  });
  const bug = items.create({
    kind: 'bug',
    title: 'Outbox loses notes',
    folder: null,
    workspaceRoot,
  });
  const run = (id: string, workflow: string, title: string, item: WorkItem) =>
    runs.createRun({
      id,
      workflowId: workflow,
      definition: definition(workflow, title),
      item: { id: item.id, kind: item.kind, title: item.title, folder: item.folder },
      workspaceRoot,
      model: null,
      status: 'completed',
      nextPass: 1,
      error: null,
      estimate: null,
      escalations: {},
      createdAt: dayAt(now, 45),
      updatedAt: dayAt(now, 0),
    });
  run('RUN-FEATURE1', 'new-feature', 'New feature', feature);
  run('RUN-BUGFIX01', 'bugfix', 'Bug fix', bug);
  for (const call of COST_FIXTURE_CALLS) {
    const item = call.run === 'feature' ? feature : call.run === 'bug' ? bug : null;
    const base = sampleEnvelope({
      id: call.id,
      createdAt: dayAt(now, call.daysAgo),
      runId: call.run === 'feature' ? 'RUN-FEATURE1' : call.run === 'bug' ? 'RUN-BUGFIX01' : null,
      workItemId: item?.id ?? null,
    });
    const envelope: Envelope = {
      ...base,
      tokens: call.tokens,
      timings: { ...base.timings, totalMs: call.totalMs, loadMs: call.loadMs },
      cost: {
        currency: 'USD',
        amount: call.cost,
        priceTable: call.cost > 0 ? '2026-11-22' : null,
      },
    };
    records.save(envelope);
  }
  return { feature, bug, featureRun: 'RUN-FEATURE1', bugRun: 'RUN-BUGFIX01' };
}
