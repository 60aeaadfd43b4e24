// What the Runs view shows, assembled from the run store, the records and the routing policy:
// a run's summary with its totals, its timeline of passes, its proposed changes as diffs, and
// where the pass it stopped at may be escalated.
import { criterionName } from '../../../workflows/engine/gates.ts';
import { unifiedDiff } from '../../../workflows/engine/change-diff.ts';
import type { PassDefinition } from '../../../workflows/engine/definition.ts';
import type { PassImplementation } from '../../../workflows/engine/pass.ts';
import { routePass } from '../../../workflows/engine/routing-policy.ts';
import type { PassRecord, ProposedChange, RunState } from '../../../workflows/engine/run-state.ts';
import type { Envelope } from '../../../workflows/records/envelope.ts';
import { PASSES } from '../../../workflows/passes/index.ts';
import type { RecordTotals } from '../../services/records/record-store.ts';
import type { CatalogEntry } from '../../services/workflows/workflow-catalog.ts';
import type { WorkflowServices } from '../../services/workflows/workflow-services.ts';
import type {
  ChangeView,
  PassView,
  RunDetail,
  RunSummary,
  RunTotals,
  WorkflowSummary,
} from '../contract/runs.ts';

const KINDS = new Map<string, PassImplementation['kind']>(PASSES.map((p) => [p.name, p.kind]));

export function passKind(
  pass: PassDefinition,
  passes: ReadonlyMap<string, PassImplementation> = new Map(),
): PassImplementation['kind'] {
  return passes.get(pass.uses)?.kind ?? KINDS.get(pass.uses) ?? 'deterministic';
}

function gateDefinition(pass: PassDefinition): PassView['gateDefinition'] {
  if (!pass.gate) return null;
  return { auto: pass.gate.auto.map(criterionName), human: pass.gate.human };
}

export function workflowSummary(
  entry: CatalogEntry,
  passes: ReadonlyMap<string, PassImplementation>,
): WorkflowSummary {
  const w = entry.definition;
  return {
    id: w.id,
    title: w.title,
    description: w.description,
    items: w.items,
    source: entry.source,
    file: entry.file,
    passes: w.passes.map((p) => ({
      id: p.id,
      title: p.title ?? p.id,
      uses: p.uses,
      kind: passKind(p, passes),
      gate: gateDefinition(p),
    })),
    budget: w.budget
      ? {
          tokens: w.budget.tokens ?? null,
          seconds: w.budget.seconds ?? null,
          money: w.budget.money ?? null,
        }
      : null,
  };
}

const passMs = (r: PassRecord) => Math.max(0, Date.parse(r.finishedAt) - Date.parse(r.startedAt));

/** A run's totals: its model calls (summed in SQL by the record store) and its passes' time. */
export function runTotals(
  calls: RecordTotals | undefined,
  records: readonly PassRecord[],
): RunTotals {
  return {
    calls: calls?.calls ?? 0,
    inputTokens: calls?.tokens.input ?? 0,
    outputTokens: calls?.tokens.output ?? 0,
    passMs: records.reduce((s, r) => s + passMs(r), 0),
    money: calls?.money.amount ?? 0,
    currency: calls?.money.currency ?? 'USD',
  };
}

export function sumTotals(all: readonly RunTotals[]): RunTotals {
  return {
    calls: all.reduce((s, t) => s + t.calls, 0),
    inputTokens: all.reduce((s, t) => s + t.inputTokens, 0),
    outputTokens: all.reduce((s, t) => s + t.outputTokens, 0),
    passMs: all.reduce((s, t) => s + t.passMs, 0),
    money: all.reduce((s, t) => s + t.money, 0),
    currency: all[0]?.currency ?? 'USD',
  };
}

export function runSummary(run: RunState, active: boolean, totals: RunTotals): RunSummary {
  return {
    id: run.id,
    workflowId: run.workflowId,
    workflowTitle: run.definition.title,
    item: run.item,
    model: run.model,
    status: run.status,
    nextPass: run.nextPass,
    passCount: run.definition.passes.length,
    error: run.error,
    createdAt: run.createdAt,
    updatedAt: run.updatedAt,
    active,
    totals,
  };
}

function passState(
  run: RunState,
  index: number,
  record: PassRecord | undefined,
  stopped: boolean,
): PassView['state'] {
  if (record) return record.status;
  if (stopped) return 'stopped';
  const open = run.status !== 'completed' && run.status !== 'cancelled';
  return open && index === run.nextPass ? 'next' : 'pending';
}

function passView(
  run: RunState,
  index: number,
  record: PassRecord | undefined,
  calls: Envelope[],
  active: boolean,
) {
  const pass = run.definition.passes[index]!;
  const measured = calls.filter((c) => c.timings.outputTokensPerSecond !== null).at(-1);
  const view: PassView = {
    index,
    id: pass.id,
    title: pass.title ?? pass.id,
    uses: pass.uses,
    kind: passKind(pass),
    state: passState(run, index, record, !active && calls.length > 0),
    summary: record?.result?.summary ?? null,
    error: record?.error ?? null,
    startedAt: record?.startedAt ?? null,
    finishedAt: record?.finishedAt ?? null,
    gateDefinition: gateDefinition(pass),
    gate: record?.gate ?? null,
    questions: record?.result?.questions ?? [],
    estimate: run.estimate?.passes[index] ?? null,
    calls: {
      count: calls.length,
      inputTokens: calls.reduce((s, c) => s + c.tokens.input, 0),
      outputTokens: calls.reduce((s, c) => s + c.tokens.output, 0),
      ms: calls.reduce((s, c) => s + c.timings.totalMs, 0),
      outputTokensPerSecond: measured?.timings.outputTokensPerSecond ?? null,
      money: calls.reduce((s, c) => s + c.cost.amount, 0),
      cached: calls.filter((c) => c.kind === 'cache-hit').length,
    },
  };
  return view;
}

/** The pass a stopped run stopped at: the gate's pass, or the one that failed or waits. */
function stoppedAt(run: RunState): number | null {
  if (run.status === 'waiting' || run.status === 'blocked') return run.nextPass - 1;
  if (run.status === 'failed' || run.status === 'deferred') return run.nextPass;
  return null;
}

function escalationFor(services: WorkflowServices, run: RunState): RunDetail['escalation'] {
  const index = stoppedAt(run);
  const pass = index === null ? undefined : run.definition.passes[index];
  if (!pass) return { passId: null, tiers: [], note: '' };
  if (passKind(pass) !== 'model') {
    return {
      passId: pass.id,
      tiers: [],
      note: `'${pass.id}' runs no model; there is nothing to escalate.`,
    };
  }
  const { routing } = services.escalation.routing(run.workspaceRoot);
  const route = routePass(pass, run.definition, routing, {});
  const tiers: RunDetail['escalation']['tiers'] = [];
  const why: string[] = [];
  if (routing.hosted_model) tiers.push('hosted');
  else why.push('no hosted model is set (routing.hosted_model in .cairn/config.yaml)');
  if (route.cloud === 'forbidden') why.push('cloud is forbidden for this pass');
  else if (routing.cloud_model) tiers.push('cloud');
  else why.push('no cloud model is set (routing.cloud_model in .cairn/config.yaml)');
  return {
    passId: pass.id,
    tiers,
    note:
      tiers.length === 0
        ? `'${pass.id}' cannot be escalated: ${why.join('; ')}.`
        : `Escalating runs '${pass.id}' again off this machine, after you approve what is sent (Consent view).`,
  };
}

function changeView(run: RunState, change: ProposedChange): ChangeView {
  return {
    id: change.id,
    passIndex: change.passIndex,
    passId: run.definition.passes[change.passIndex]?.id ?? `pass ${change.passIndex + 1}`,
    path: change.path,
    summary: change.summary,
    status: change.status,
    decidedAt: change.decidedAt,
    creates: change.before === null,
    diff: unifiedDiff(change.path, change.before, change.after),
  };
}

export function changeViewOf(services: WorkflowServices, changeId: string): ChangeView | null {
  const change = services.workflows.runs.getChange(changeId);
  const run = change ? services.workflows.runs.getRun(change.runId) : null;
  return change && run ? changeView(run, change) : null;
}

export function runDetail(services: WorkflowServices, run: RunState, active: boolean): RunDetail {
  const store = services.workflows.runs;
  const records = store.passRecords(run.id);
  const calls = services.records.list({ runId: run.id, order: 'oldest' });
  const consentWaiting = services.escalation.egress.list({
    statuses: ['pending', 'approved'],
    runId: run.id,
  }).length;
  return {
    ...runSummary(
      run,
      active,
      runTotals(services.records.totals('run', { runId: run.id })[0], records),
    ),
    estimate: run.estimate,
    passes: run.definition.passes.map((p, i) =>
      passView(
        run,
        i,
        records.find((r) => r.passIndex === i),
        calls.filter((c) => c.passId === p.id),
        active,
      ),
    ),
    changes: store.changes(run.id).map((c) => changeView(run, c)),
    escalation: escalationFor(services, run),
    consentWaiting,
  };
}
