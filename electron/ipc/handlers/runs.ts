// Handlers of the runs.* channels (contract/runs.ts), on the workflow service the CLI uses.
// Runs are driven in the background by ActiveRuns, so a run goes on while the user looks
// elsewhere; `runs.events` streams what they do. Failures carry the service's own message,
// which says what to do, with a code the UI can act on.
import { RunStateError } from '../../../workflows/engine/engine.ts';
import { WorkflowFileError } from '../../../workflows/engine/load-definition.ts';
import type { RunState } from '../../../workflows/engine/run-state.ts';
import type { Core } from '../../services/core.ts';
import { ModelNotFoundError } from '../../services/models/models-service.ts';
import { FolderRepo } from '../../services/workflows/folder-repo.ts';
import { findWorkflow, UnknownWorkflowError } from '../../services/workflows/workflow-catalog.ts';
import type { runChannels } from '../contract/runs.ts';
import type { Handlers } from '../dispatch.ts';
import { CairnFailure } from '../failure.ts';
import {
  changeViewOf,
  passKind,
  runDetail,
  runSummary,
  runTotals,
  sumTotals,
  workflowSummary,
} from './run-views.ts';

type RunHandlers = Pick<Handlers, keyof typeof runChannels>;

function mapped<T>(work: () => Promise<T> | T): Promise<T> {
  return Promise.resolve()
    .then(work)
    .catch((error: unknown) => {
      if (error instanceof CairnFailure || !(error instanceof Error)) throw error;
      if (error instanceof RunStateError) throw new CairnFailure('conflict', error.message);
      if (error instanceof UnknownWorkflowError || error instanceof ModelNotFoundError)
        throw new CairnFailure('not_found', error.message);
      if (error instanceof WorkflowFileError)
        throw new CairnFailure('invalid_input', error.message);
      throw error;
    });
}

export function createRunHandlers(core: Core): RunHandlers {
  const services = () => core.workflows;
  const workflows = () => core.workflows.workflows;
  const active = core.activeRuns;
  const root = () => core.requireWorkspace().root;

  const requireRun = (runId: string): RunState => {
    const run = workflows().runs.findRun(runId);
    if (!run) throw new CairnFailure('not_found', `No run ${runId}; the runs list shows them.`);
    return run;
  };
  const requireItem = (itemId: string | null) => {
    if (itemId === null) return;
    if (!workflows().items.get(itemId)) {
      throw new CairnFailure(
        'not_found',
        `No work item ${itemId} in this workspace; choose one from the list or create one.`,
      );
    }
  };
  const detail = (runId: string) => {
    const run = requireRun(runId);
    return runDetail(services(), run, active.isActive(run.id));
  };
  /** Drives the run in the background and answers with where it stands now. */
  const drive = (runId: string) => {
    active.start(runId);
    return detail(runId);
  };
  const engineOf = (runId: string) => {
    const run = requireRun(runId);
    if (active.isActive(run.id)) {
      throw new CairnFailure('conflict', `Run ${run.id} is running now; wait for it or cancel it.`);
    }
    return { run, engine: workflows().engineFor(run) };
  };

  return {
    'runs.catalog': () =>
      mapped(() => {
        const catalog = workflows().catalog(root());
        return {
          workflows: [...catalog.workflows.values()]
            .map((entry) => workflowSummary(entry, catalog.passes))
            .sort((a, b) => a.title.localeCompare(b.title)),
          problems: catalog.problems.map((p) => ({ message: p.message, problems: p.problems })),
        };
      }),

    'runs.items': () =>
      mapped(() => ({
        items: workflows()
          .items.list(root())
          .map(({ workspaceRoot: _root, ...item }) => item),
      })),

    'runs.createItem': ({ kind, title, folder }) =>
      mapped(() => {
        const normalized = folder?.replace(/\\/g, '/').replace(/\/+$/, '') || null;
        const { workspaceRoot: _root, ...item } = workflows().items.create({
          kind,
          title,
          folder: normalized,
          workspaceRoot: root(),
        });
        return item;
      }),

    'runs.estimate': ({ workflowId, itemId, modelId }) =>
      mapped(async () => {
        requireItem(itemId);
        const { estimate, overruns } = await workflows().estimate({
          workspaceRoot: root(),
          workflowId,
          itemId,
          modelId,
        });
        return { workflowId, estimate, overruns };
      }),

    'runs.start': ({ workflowId, itemId, modelId, overBudget }) =>
      mapped(async () => {
        requireItem(itemId);
        const workspaceRoot = root();
        const catalog = workflows().catalog(workspaceRoot);
        const workflow = findWorkflow(catalog, workflowId).definition;
        if (!modelId && workflow.passes.some((p) => passKind(p, catalog.passes) === 'model')) {
          throw new CairnFailure(
            'invalid_input',
            `'${workflowId}' has model passes: choose an on-device model (add one in the Models view).`,
          );
        }
        if (!overBudget) {
          const { overruns } = await workflows().estimate(
            { workspaceRoot, workflowId, itemId, modelId },
            catalog,
          );
          if (overruns.length > 0) {
            throw new CairnFailure(
              'conflict',
              `The estimate goes over the budget of '${workflowId}': ${overruns.join('; ')}. ` +
                'Start anyway, or raise the budget in the workflow file.',
            );
          }
        }
        const run = await workflows().start({
          workspaceRoot,
          workflowId,
          itemId,
          modelId,
          overBudget: true,
        });
        return drive(run.id);
      }),

    'runs.list': ({ status, workflowId, itemId }) =>
      mapped(() => {
        const workspaceRoot = root();
        const { records } = services();
        const byRun = new Map(records.totals('run').map((t) => [t.key, t]));
        const runs = workflows()
          .runs.listRuns({ status, workflowId, workItemId: itemId?.toUpperCase(), limit: 500 })
          .filter((r) => r.workspaceRoot === workspaceRoot)
          .map((r) =>
            runSummary(
              r,
              active.isActive(r.id),
              runTotals(byRun.get(r.id), workflows().runs.passRecords(r.id)),
            ),
          );
        return { runs, totals: sumTotals(runs.map((r) => r.totals)) };
      }),

    'runs.get': ({ runId }) => mapped(() => detail(runId)),

    'runs.gate': ({ runId, decision, answers }) =>
      mapped(async () => {
        const { run, engine } = engineOf(runId);
        if (decision === 'reject') {
          engine.reject(run.id, 'rejected at the gate by the user');
          return detail(run.id);
        }
        await engine.approve(run.id, answers ?? {});
        return drive(run.id);
      }),

    'runs.continue': ({ runId, how }) =>
      mapped(() => {
        const { run, engine } = engineOf(runId);
        if (how === 'retry') engine.retry(run.id);
        else if (how === 'override') engine.override(run.id);
        else if (run.status === 'deferred') engine.resume(run.id);
        else if (run.status !== 'running') {
          throw new CairnFailure(
            'conflict',
            `Run ${run.id} is ${run.status}, not interrupted` +
              (run.status === 'waiting' ? '; approve or reject its gate.' : '.'),
          );
        }
        return drive(run.id);
      }),

    'runs.escalate': ({ runId, passId, tier }) =>
      mapped(() => {
        const { run, engine } = engineOf(runId);
        const allowed = runDetail(services(), run, false).escalation;
        if (allowed.passId !== passId || !allowed.tiers.includes(tier)) {
          throw new CairnFailure(
            'forbidden',
            allowed.note || `Run ${run.id} is ${run.status}; escalate the pass a run stopped at.`,
          );
        }
        engine.escalate(run.id, passId, tier);
        return drive(run.id);
      }),

    'runs.cancel': ({ runId }) =>
      mapped(async () => {
        const run = requireRun(runId);
        // The flag stops the model call in progress; the run is then marked cancelled.
        await active.stop(run.id);
        workflows().engineFor(run).cancel(run.id);
        return detail(run.id);
      }),

    'runs.change': ({ changeId, decision }) =>
      mapped(async () => {
        const id = changeId.toUpperCase();
        const change = workflows().runs.getChange(id);
        if (!change) throw new CairnFailure('not_found', `No proposed change ${id}.`);
        const run = requireRun(change.runId);
        const engine = workflows().engineFor(run);
        let outcome: string;
        if (decision === 'reject') {
          engine.rejectChange(id);
          outcome = `Rejected; ${change.path} is left as it is.`;
        } else {
          const current = await new FolderRepo(run.workspaceRoot).readFile(change.path);
          try {
            await engine.acceptChange(id);
            outcome =
              current === change.before || current === change.after
                ? `Wrote ${change.path}.`
                : `Merged into ${change.path}: the file had changed since the pass read it, in other lines; both edits are kept.`;
          } catch (error) {
            // A change that no longer applies is marked stale: that is an outcome, not a fault.
            const stale = workflows().runs.getChange(id)?.status === 'stale';
            if (!(error instanceof RunStateError) || !stale) throw error;
            outcome = error.message;
          }
        }
        const view = changeViewOf(services(), id);
        if (!view) throw new CairnFailure('not_found', `No proposed change ${id}.`);
        return { change: view, outcome };
      }),

    'runs.events': (_input, emit, signal) =>
      new Promise<void>((resolve) => {
        if (signal.aborted) return resolve();
        const stop = active.watch((event) => emit(event));
        signal.addEventListener('abort', () => {
          stop();
          resolve();
        });
      }),
  };
}
