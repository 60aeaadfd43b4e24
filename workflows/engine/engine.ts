// The workflow engine: runs a workflow's passes in order, stores each finished pass with its
// proposed changes in one transaction, stops at gates (a failed automatic criterion blocks; a
// human step waits), and resumes from the stored state — after an approval, or after the
// process died mid-pass (the unfinished pass simply runs again).
import type { Workspace, WorkspaceInput } from '../specs/model.ts';
import { parseWorkspace } from '../specs/parse-workspace.ts';
import { applyChange } from './apply-change.ts';
import type { PassDefinition, WorkflowDefinition } from './definition.ts';
import { evaluateGate, type GateState } from './gates.ts';
import { createModelCaller, type ModelHop } from './model-caller.ts';
import { isDeferral } from './deferral.ts';
import { DEFAULT_ROUTING, routePass, type Tier, type WorkspaceRouting } from './routing-policy.ts';
import type { PassContext, PassImplementation, PassResult, WorkItemRef } from './pass.ts';
import type { ModelPort, RecordPort } from './ports.ts';
import { resolveInputs, substituteItem } from './resolve-inputs.ts';
import { newChangeId, newRunId } from './run-ids.ts';
import type {
  PassRecord,
  ProposedChange,
  RepoPort,
  EscalationTier,
  RunEstimate,
  RunState,
  RunStatus,
  RunStorePort,
  RunUpdate,
} from './run-state.ts';
import { overlayChanges } from './workspace-view.ts';

export class RunStateError extends Error {
  override name = 'RunStateError';
}

export type RunEvent =
  | { type: 'pass-started'; runId: string; passIndex: number; passId: string; title: string }
  | {
      type: 'text';
      runId: string;
      passId: string;
      chunk: string;
      /** Tokens the chunk took, when the model's runtime counts them (on-device models do). */
      tokens?: number;
    }
  | {
      type: 'pass-finished';
      runId: string;
      passIndex: number;
      passId: string;
      summary: string;
      gate: GateState;
    }
  | { type: 'pass-failed'; runId: string; passIndex: number; passId: string; error: string }
  | { type: 'run-status'; runId: string; status: RunStatus; error: string | null };

export interface EngineDeps {
  store: RunStorePort;
  records: RecordPort;
  /** The workspace a run works in; one engine serves one workspace. */
  repo: RepoPort;
  passes: ReadonlyMap<string, PassImplementation>;
  /** Prompt templates by name (built-in, overridden by `.cairn/prompts/`). */
  prompts: ReadonlyMap<string, string>;
  /** Document templates by name (prd, requirements, design, tasks). */
  templates: Readonly<Record<string, string>>;
  /** The on-device model for model passes; null when none is set (model passes then fail clearly). */
  model: ModelPort | null;
  /** Models off this machine, reached only through the consent gate; null when none is set up. */
  remote?: (tier: EscalationTier) => ModelPort | null;
  /** The workspace's routing policy (`.cairn/config.yaml`); local only when absent. */
  routing?: WorkspaceRouting;
  now?: () => Date;
  onEvent?: (event: RunEvent) => void;
}

export interface StartOptions {
  workflow: WorkflowDefinition;
  item: WorkItemRef | null;
  workspaceRoot: string;
  model: string | null;
  estimate?: RunEstimate | null;
  /** Passes the user sends to a stronger tier for this run. */
  escalations?: Record<string, EscalationTier>;
}

export interface AdvanceOptions {
  signal?: { readonly aborted: boolean };
  /** Accept every proposed change as soon as its pass finishes (`cairn run --accept`). */
  autoAccept?: boolean;
}

const DEFAULT_MAX_TOKENS = 1024;

export class WorkflowEngine {
  private readonly now: () => Date;

  constructor(private readonly deps: EngineDeps) {
    this.now = deps.now ?? (() => new Date());
  }

  start(options: StartOptions): RunState {
    const stamp = this.now().toISOString();
    const run: RunState = {
      id: newRunId(),
      workflowId: options.workflow.id,
      definition: options.workflow,
      item: options.item,
      workspaceRoot: options.workspaceRoot,
      model: options.model,
      status: 'running',
      nextPass: 0,
      error: null,
      estimate: options.estimate ?? null,
      escalations: options.escalations ?? {},
      createdAt: stamp,
      updatedAt: stamp,
    };
    this.deps.store.createRun(run);
    return run;
  }

  /** Runs passes until the run finishes, fails, or stops at a gate. */
  async advance(runId: string, options: AdvanceOptions = {}): Promise<RunState> {
    let run = this.require(runId);
    if (run.status !== 'running') return run;
    const passes = run.definition.passes;
    if (options.autoAccept) await this.acceptPending(runId);
    let base: WorkspaceInput | null = null;
    while (run.nextPass < passes.length) {
      if (options.signal?.aborted) return run;
      const index = run.nextPass;
      const pass = passes[index]!;
      const startedAt = this.now().toISOString();
      this.emit({
        type: 'pass-started',
        runId,
        passIndex: index,
        passId: pass.id,
        title: pass.title ?? pass.id,
      });
      let result: PassResult;
      try {
        base ??= await this.deps.repo.read();
        result = await this.runPass(run, index, base, options);
      } catch (error) {
        if (options.signal?.aborted) return run;
        if (isDeferral(error)) {
          this.deps.store.updateRun(runId, {
            status: 'deferred',
            nextPass: index,
            error: `pass '${pass.id}' waits: ${error.message}`,
          });
          return this.finish(runId);
        }
        const message = `pass '${pass.id}' (${pass.uses}) failed: ${(error as Error).message}`;
        this.deps.store.recordPass(
          this.record(run, index, 'failed', null, null, message, startedAt),
          [],
          { status: 'failed', nextPass: index, error: message },
        );
        this.emit({
          type: 'pass-failed',
          runId,
          passIndex: index,
          passId: pass.id,
          error: message,
        });
        return this.finish(runId);
      }
      const gate = evaluateGate(pass.gate, result);
      const failed = gate.auto.filter((c) => !c.ok);
      const update: RunUpdate =
        failed.length > 0
          ? {
              status: 'blocked',
              nextPass: index + 1,
              error: `the gate after pass '${pass.id}' did not pass: ${failed.map((c) => `${c.criterion} (${c.detail})`).join('; ')}`,
            }
          : { status: gate.human ? 'waiting' : 'running', nextPass: index + 1, error: null };
      this.deps.store.recordPass(
        this.record(run, index, 'completed', result, gate, null, startedAt),
        this.toChanges(run, index, result),
        update,
      );
      this.emit({
        type: 'pass-finished',
        runId,
        passIndex: index,
        passId: pass.id,
        summary: result.summary,
        gate,
      });
      if (options.autoAccept) {
        await this.acceptPending(runId);
        base = null;
      }
      run = this.require(runId);
      if (run.status !== 'running') return this.finish(runId);
    }
    this.deps.store.updateRun(runId, { status: 'completed', nextPass: passes.length, error: null });
    return this.finish(runId);
  }

  /**
   * Approves the human step of the gate the run waits at, with answers to its questions.
   * An unanswered question takes the recommended answer; a `skipped` one gets none.
   */
  async approve(
    runId: string,
    given: Record<string, string> = {},
    options: { skipped?: readonly string[] } = {},
  ): Promise<RunState> {
    const { run, record } = this.waitingGate(runId);
    let result = record.result!;
    const questions = result.questions ?? [];
    checkAnswers(questions, given);
    const skipped = options.skipped ?? [];
    checkSkipped(questions, given, skipped);
    // An empty answer is how a pass is told that a question was skipped.
    const answers = { ...given, ...Object.fromEntries(skipped.map((id) => [id, ''])) };
    const pass = run.definition.passes[record.passIndex]!;
    const impl = this.implementation(pass.uses);
    if (impl.answer && questions.length > 0) {
      const chosen = Object.fromEntries(
        questions.map((q) => [q.id, answers[q.id] ?? q.recommended]),
      );
      const context = await this.context(run, record.passIndex, await this.deps.repo.read(), {});
      result = impl.answer(context, result, chosen);
    }
    const gate: GateState = {
      ...record.gate!,
      human: 'approved',
      answers,
      decidedAt: this.now().toISOString(),
    };
    // A change of this pass the user already accepted or rejected is not proposed again.
    const decided = new Set(
      this.deps.store
        .changes(runId)
        .filter((c) => c.passIndex === record.passIndex && c.status !== 'proposed')
        .map((c) => c.path),
    );
    this.deps.store.recordPass(
      { ...record, result, gate },
      this.toChanges(run, record.passIndex, result).filter((c) => !decided.has(c.path)),
      { status: 'running', nextPass: run.nextPass, error: null },
    );
    return this.require(runId);
  }

  reject(runId: string, reason = 'rejected at the gate'): RunState {
    const { run, record } = this.waitingGate(runId);
    const pass = run.definition.passes[record.passIndex]!;
    this.deps.store.recordPass(
      {
        ...record,
        gate: { ...record.gate!, human: 'rejected', decidedAt: this.now().toISOString() },
      },
      [],
      { status: 'cancelled', nextPass: run.nextPass, error: `pass '${pass.id}': ${reason}` },
    );
    return this.finish(runId);
  }

  /** Makes a deferred run runnable again (consent was given, or the network is back). */
  resume(runId: string): RunState {
    const run = this.require(runId);
    if (run.status === 'deferred') {
      this.deps.store.updateRun(runId, { status: 'running', nextPass: run.nextPass, error: null });
    }
    return this.require(runId);
  }

  /**
   * Sends a pass to a stronger tier for the rest of this run — the user's flag after a failed
   * gate or a result they do not trust — and runs it again there.
   */
  escalate(runId: string, passId: string, tier: EscalationTier): RunState {
    const run = this.require(runId);
    const index = run.definition.passes.findIndex((p) => p.id === passId);
    if (index < 0) {
      throw new RunStateError(
        `Run ${runId} has no pass '${passId}'; its passes are ${run.definition.passes.map((p) => p.id).join(', ')}.`,
      );
    }
    if (run.status === 'running' || run.status === 'cancelled') {
      throw new RunStateError(`Run ${runId} is ${run.status}; escalate a run that has stopped.`);
    }
    this.deps.store.setEscalations(runId, { ...run.escalations, [passId]: tier });
    this.deps.store.updateRun(runId, { status: 'running', nextPass: index, error: null });
    return this.require(runId);
  }

  /** Goes on past a failed automatic gate: the user has looked and accepts the risk. */
  override(runId: string): RunState {
    const run = this.require(runId);
    if (run.status !== 'blocked') {
      throw new RunStateError(`Run ${runId} is ${run.status}, not blocked at a gate.`);
    }
    // The gate's human step still applies: overriding the automatic criteria is not approval.
    const record = this.deps.store.passRecords(runId).find((r) => r.passIndex === run.nextPass - 1);
    const status = record?.gate?.human === 'pending' ? 'waiting' : 'running';
    this.deps.store.updateRun(runId, { status, nextPass: run.nextPass, error: null });
    return this.require(runId);
  }

  /** Runs the failed or blocked pass again (after the user fixed its input, say). */
  retry(runId: string): RunState {
    const run = this.require(runId);
    if (run.status === 'failed') {
      this.deps.store.updateRun(runId, { status: 'running', nextPass: run.nextPass, error: null });
    } else if (run.status === 'blocked') {
      this.deps.store.updateRun(runId, {
        status: 'running',
        nextPass: run.nextPass - 1,
        error: null,
      });
    } else {
      throw new RunStateError(
        `Run ${runId} is ${run.status}; only a failed or blocked run is retried.`,
      );
    }
    return this.require(runId);
  }

  cancel(runId: string): RunState {
    const run = this.require(runId);
    if (run.status === 'completed' || run.status === 'cancelled') return run;
    this.deps.store.updateRun(runId, {
      status: 'cancelled',
      nextPass: run.nextPass,
      error: 'cancelled by the user',
    });
    return this.finish(runId);
  }

  /** Writes an accepted change to its file (atomically), merging if the file moved on. */
  async acceptChange(changeId: string): Promise<ProposedChange> {
    const change = this.deps.store.getChange(changeId);
    if (!change) throw new RunStateError(`No proposed change ${changeId}.`);
    if (change.status === 'accepted') return change;
    if (change.status !== 'proposed') {
      throw new RunStateError(`Change ${changeId} is ${change.status}; it cannot be accepted.`);
    }
    const current = await this.deps.repo.readFile(change.path);
    const outcome = applyChange(current, change);
    const stamp = this.now().toISOString();
    if (!outcome.ok) {
      this.deps.store.decideChange(changeId, 'stale', stamp);
      throw new RunStateError(`Change ${changeId} was not applied: ${outcome.reason}.`);
    }
    if (outcome.text !== current) await this.deps.repo.writeFile(change.path, outcome.text);
    this.deps.store.decideChange(changeId, 'accepted', stamp);
    return { ...change, status: 'accepted', decidedAt: stamp };
  }

  rejectChange(changeId: string): ProposedChange {
    const change = this.deps.store.getChange(changeId);
    if (!change) throw new RunStateError(`No proposed change ${changeId}.`);
    if (change.status !== 'proposed') {
      throw new RunStateError(`Change ${changeId} is already ${change.status}.`);
    }
    const stamp = this.now().toISOString();
    this.deps.store.decideChange(changeId, 'rejected', stamp);
    return { ...change, status: 'rejected', decidedAt: stamp };
  }

  /**
   * Accepts every undecided change of a run, in the order the passes proposed them — or only
   * the named ones, in the order named. A change that cannot be applied is reported, not forced.
   */
  async acceptPending(
    runId: string,
    options: {
      only?: readonly string[];
      onRefused?: (changeId: string, reason: string) => void;
    } = {},
  ): Promise<{ accepted: string[]; stale: string[] }> {
    const changes = this.deps.store.changes(runId);
    const chosen = options.only
      ? options.only.map((name) => {
          const change = changes.find((c) => c.id === name.toUpperCase());
          if (!change) throw new RunStateError(`Run ${runId} has no change ${name}.`);
          return change;
        })
      : changes.filter((c) => c.status === 'proposed');
    const accepted: string[] = [];
    const stale: string[] = [];
    for (const change of chosen) {
      try {
        await this.acceptChange(change.id);
        accepted.push(change.id);
      } catch (error) {
        if (!(error instanceof RunStateError)) throw error;
        stale.push(change.id);
        options.onRefused?.(change.id, error.message);
      }
    }
    return { accepted, stale };
  }

  private async runPass(
    run: RunState,
    index: number,
    base: WorkspaceInput,
    options: AdvanceOptions,
  ): Promise<PassResult> {
    const pass = run.definition.passes[index]!;
    const impl = this.implementation(pass.uses);
    const context = await this.context(run, index, base, options);
    const result = await impl.run(context);
    // Stored as JSON and read back on resume: make sure it survives the trip now.
    return JSON.parse(JSON.stringify(result)) as PassResult;
  }

  private async context(
    run: RunState,
    index: number,
    base: WorkspaceInput,
    options: AdvanceOptions,
  ): Promise<PassContext> {
    const pass = run.definition.passes[index]!;
    const impl = this.implementation(pass.uses);
    // Only earlier passes' changes: a pass run again (retry) or answering at its gate works on
    // the files as they were before its own proposal, or it would build on (and repeat) it.
    const view = overlayChanges(
      base,
      this.deps.store.changes(run.id).filter((c) => c.passIndex < index),
    );
    const workspace: Workspace = parseWorkspace(view.input);
    const outputs = new Map<string, unknown>();
    for (const record of this.deps.store.passRecords(run.id)) {
      if (record.status === 'completed' && record.passIndex < index) {
        outputs.set(record.passId, record.result?.output);
      }
    }
    const resolvedPass = pass.output
      ? { ...pass, output: substituteItem(pass.output, run.item) }
      : pass;
    const inputs = resolveInputs(pass, {
      workspace,
      files: view.files,
      item: run.item,
      outputs,
      templates: this.deps.templates,
    });
    let model: PassContext['model'] = null;
    if (impl.kind === 'model') {
      model = createModelCaller({
        hops: this.hops(run, pass),
        records: this.deps.records,
        runId: run.id,
        passId: pass.id,
        workItemId: run.item?.id ?? null,
        reuse: pass.cache === 'reuse',
        committed: this.deps.repo.committed?.bind(this.deps.repo),
        ...(pass.min_confidence !== undefined ? { minConfidence: pass.min_confidence } : {}),
        maxTokens: pass.max_tokens ?? DEFAULT_MAX_TOKENS,
        now: this.now,
        signal: options.signal,
        onText: (chunk, tokens) =>
          this.emit({
            type: 'text',
            runId: run.id,
            passId: pass.id,
            chunk,
            ...(tokens !== undefined ? { tokens } : {}),
          }),
      });
    }
    return {
      run: { id: run.id, workflowId: run.workflowId, today: this.now().toISOString().slice(0, 10) },
      item: run.item,
      pass: resolvedPass,
      workspace,
      files: view.files,
      inputs,
      prompt: pass.prompt ? (this.deps.prompts.get(pass.prompt) ?? null) : null,
      model,
      signal: options.signal ?? { aborted: false },
    };
  }

  /** The models a model pass may use, in order: where its route says, then its escalation. */
  private hops(run: RunState, pass: PassDefinition): ModelHop[] {
    const route = routePass(
      pass,
      run.definition,
      this.deps.routing ?? DEFAULT_ROUTING,
      run.escalations,
    );
    const hops: ModelHop[] = [
      { model: this.portFor(route.tier, route.cloud, pass), reason: route.reason },
    ];
    if (route.tier === 'local' && pass.escalate === 'on-failure') {
      const tier = pass.escalate_to;
      if (tier !== 'cloud' || route.cloud !== 'forbidden') {
        const remote = this.deps.remote?.(tier) ?? null;
        if (remote) {
          hops.push({
            model: remote,
            reason: `the local model's output for '${pass.id}' failed its checks; the pass escalates to ${tier} on failure`,
          });
        }
      }
    }
    return hops;
  }

  private portFor(tier: Tier, cloud: 'forbidden' | 'ask', pass: PassDefinition): ModelPort {
    if (tier === 'local') {
      if (!this.deps.model) {
        throw new Error(
          `'${pass.uses}' needs a model and none is set; pass --model <id> (cairn models list shows the ids)`,
        );
      }
      return this.deps.model;
    }
    if (tier === 'cloud' && cloud === 'forbidden') {
      throw new Error(
        `pass '${pass.id}' is routed to cloud, which this workspace forbids (routing.cloud in .cairn/config.yaml); nothing was sent`,
      );
    }
    const remote = this.deps.remote?.(tier) ?? null;
    if (!remote) {
      throw new Error(
        `pass '${pass.id}' is routed to ${tier} and no ${tier} provider is set up; add one with \`cairn providers add\``,
      );
    }
    return remote;
  }

  private implementation(name: string): PassImplementation {
    const impl = this.deps.passes.get(name);
    if (!impl) {
      throw new Error(`no pass named '${name}' in this version of Cairn`);
    }
    return impl;
  }

  private toChanges(run: RunState, index: number, result: PassResult): ProposedChange[] {
    return result.changes
      .filter((c) => c.before !== c.after)
      .map((c) => ({
        ...c,
        id: newChangeId(),
        runId: run.id,
        passIndex: index,
        status: 'proposed' as const,
        decidedAt: null,
      }));
  }

  private record(
    run: RunState,
    index: number,
    status: PassRecord['status'],
    result: PassResult | null,
    gate: GateState | null,
    error: string | null,
    startedAt: string,
  ): PassRecord {
    return {
      runId: run.id,
      passIndex: index,
      passId: run.definition.passes[index]!.id,
      status,
      result,
      gate,
      error,
      startedAt,
      finishedAt: this.now().toISOString(),
    };
  }

  private waitingGate(runId: string): { run: RunState; record: PassRecord } {
    const run = this.require(runId);
    const record = this.deps.store.passRecords(runId).find((r) => r.passIndex === run.nextPass - 1);
    if (run.status !== 'waiting' || !record?.gate || record.gate.human !== 'pending') {
      throw new RunStateError(`Run ${runId} is ${run.status}; it does not wait for approval.`);
    }
    return { run, record };
  }

  private require(runId: string): RunState {
    const run = this.deps.store.getRun(runId);
    if (!run) throw new RunStateError(`No run ${runId}; \`cairn runs\` lists the runs.`);
    return run;
  }

  private finish(runId: string): RunState {
    const run = this.require(runId);
    this.emit({ type: 'run-status', runId, status: run.status, error: run.error });
    return run;
  }

  private emit(event: RunEvent): void {
    this.deps.onEvent?.(event);
  }
}

/** Skipped questions must exist and not be answered as well. */
function checkSkipped(
  questions: NonNullable<PassResult['questions']>,
  answers: Record<string, string>,
  skipped: readonly string[],
) {
  for (const id of skipped) {
    if (!questions.some((q) => q.id === id)) {
      throw new RunStateError(
        `There is no question ${id} to skip; the questions are ${questions.map((q) => q.id).join(', ') || 'none'}.`,
      );
    }
    if (id in answers) throw new RunStateError(`Question ${id} is both answered and skipped.`);
  }
}

/** Answers must name the pass's questions and, for multiple choice, one of the options. */
function checkAnswers(
  questions: NonNullable<PassResult['questions']>,
  answers: Record<string, string>,
) {
  for (const [id, answer] of Object.entries(answers)) {
    const question = questions.find((q) => q.id === id);
    if (!question) {
      throw new RunStateError(
        `There is no question ${id}; the questions are ${questions.map((q) => q.id).join(', ') || 'none'}.`,
      );
    }
    const keys = question.options.map((o) => o.key);
    if (keys.length > 0 && !keys.includes(answer)) {
      throw new RunStateError(`Answer ${id} with one of ${keys.join(', ')} (got '${answer}').`);
    }
    if (answer.trim() === '') throw new RunStateError(`The answer to ${id} is empty.`);
  }
}
