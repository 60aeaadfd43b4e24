// Workflow runs for every host: loads the catalog of a workspace, estimates a run before it
// starts, and drives the engine over the SQLite run store, the record store and the workspace
// folder. One service per database; engines are made per workspace and model.
import type { Database } from 'better-sqlite3';
import type { WorkflowDefinition } from '../../../workflows/engine/definition.ts';
import { WorkflowEngine, type RunEvent } from '../../../workflows/engine/engine.ts';
import {
  budgetOverruns,
  estimateRun,
  passReadingText,
} from '../../../workflows/engine/estimate.ts';
import type { PassImplementation } from '../../../workflows/engine/pass.ts';
import type { ModelPort, RecordPort } from '../../../workflows/engine/ports.ts';
import type { EscalationTier, RunEstimate, RunState } from '../../../workflows/engine/run-state.ts';
import { parseWorkspace } from '../../../workflows/specs/parse-workspace.ts';
import type { EscalationService } from '../egress/escalation-service.ts';
import { FolderRepo } from './folder-repo.ts';
import { RunStore } from './run-store.ts';
import { WorkItemStore, type WorkItem } from './work-item-store.ts';
import { findWorkflow, loadCatalog, type WorkflowCatalog } from './workflow-catalog.ts';

export interface ModelProvider {
  /** The model port for a registered model ID. */
  port(modelId: string): ModelPort;
  /** Tokens of `text` with the model's tokenizer; null when it cannot count (no model). */
  countTokens(modelId: string, text: string): Promise<number | null>;
  /** Measured speed of the model on this machine; null when never measured. */
  speed(
    modelId: string,
  ): Promise<{ promptTokensPerSecond: number; outputTokensPerSecond: number } | null>;
  /** Money per token for the model (0 for on-device models). */
  price(modelId: string): { input: number; output: number; currency: string };
}

export interface WorkflowsServiceOptions {
  db: Database;
  records: RecordPort;
  models: ModelProvider;
  passes: readonly PassImplementation[];
  builtinDir: string;
  templatesDir: string;
  /** Hosted and cloud models through the consent gate; local only when absent. */
  escalation?: EscalationService;
}

export class BudgetError extends Error {
  override name = 'BudgetError';
}

export interface StartRun {
  workspaceRoot: string;
  workflowId: string;
  itemId: string | null;
  modelId: string | null;
  /** Start even when the estimate goes over the workflow's budget. */
  overBudget?: boolean;
  /** Passes the user sends to a stronger tier for this run. */
  escalations?: Record<string, EscalationTier>;
}

/** Characters per token when no tokenizer is at hand: a common rule of thumb for English. */
const CHARS_PER_TOKEN = 4;

export class WorkflowsService {
  readonly runs: RunStore;
  readonly items: WorkItemStore;

  constructor(private readonly options: WorkflowsServiceOptions) {
    this.runs = new RunStore(options.db);
    this.items = new WorkItemStore(options.db);
  }

  catalog(workspaceRoot: string): WorkflowCatalog {
    return loadCatalog({
      builtinDir: this.options.builtinDir,
      templatesDir: this.options.templatesDir,
      workspaceRoot,
      passes: this.options.passes,
    });
  }

  engine(
    workspaceRoot: string,
    modelId: string | null,
    onEvent?: (event: RunEvent) => void,
    catalog: WorkflowCatalog = this.catalog(workspaceRoot),
  ): WorkflowEngine {
    // One port per tier for the engine's life: the workspace's routing and the user's providers
    // are read once, not again for every pass that escalates.
    const remotePorts = new Map<EscalationTier, ModelPort | null>();
    const remote = (tier: EscalationTier): ModelPort | null => {
      if (!remotePorts.has(tier)) {
        remotePorts.set(tier, this.options.escalation?.remotePort(workspaceRoot, tier) ?? null);
      }
      return remotePorts.get(tier) ?? null;
    };
    return new WorkflowEngine({
      store: this.runs,
      records: this.options.records,
      repo: new FolderRepo(workspaceRoot),
      passes: catalog.passes,
      prompts: catalog.prompts,
      templates: catalog.templates,
      model: modelId ? this.options.models.port(modelId) : null,
      remote,
      routing: this.options.escalation?.routing(workspaceRoot).routing,
      onEvent,
    });
  }

  requireItem(id: string): WorkItem {
    const item = this.items.get(id);
    if (!item) {
      throw new Error(
        `No work item ${id}; \`cairn items\` lists them, \`cairn items new\` adds one.`,
      );
    }
    return item;
  }

  async estimate(
    start: Omit<StartRun, 'overBudget'>,
    catalog: WorkflowCatalog = this.catalog(start.workspaceRoot),
  ): Promise<{ workflow: WorkflowDefinition; estimate: RunEstimate; overruns: string[] }> {
    const workflow = findWorkflow(catalog, start.workflowId).definition;
    const item = start.itemId ? this.requireItem(start.itemId) : null;
    const input = await new FolderRepo(start.workspaceRoot).read();
    const workspace = parseWorkspace(input);
    const files = new Map(input.files.map((f) => [f.path, f.text]));
    const kinds = new Map([...catalog.passes].map(([name, p]) => [name, p.kind]));
    const basis: string[] = [];
    let counted = false;
    const readingTokens: number[] = [];
    for (const pass of workflow.passes) {
      if (catalog.passes.get(pass.uses)?.kind !== 'model') {
        readingTokens.push(0);
        continue;
      }
      const text = passReadingText(pass, {
        workspace,
        files,
        item,
        prompts: catalog.prompts,
        templates: catalog.templates,
      });
      const exact = start.modelId
        ? await this.options.models.countTokens(start.modelId, text)
        : null;
      counted ||= exact !== null;
      readingTokens.push(exact ?? Math.ceil(text.length / CHARS_PER_TOKEN));
    }
    basis.push(
      counted
        ? "input tokens counted with the model's tokenizer on the workspace as it is now"
        : `input tokens estimated at ${CHARS_PER_TOKEN} characters per token (no model chosen)`,
      "output tokens at each model pass's max_tokens bound",
    );
    const speed = start.modelId ? await this.options.models.speed(start.modelId) : null;
    if (speed) basis.push("time from this model's measured speed on this machine");
    const price = start.modelId
      ? this.options.models.price(start.modelId)
      : { input: 0, output: 0, currency: 'USD' };
    const estimate = estimateRun({ workflow, kinds, readingTokens, speed, price, basis });
    return { workflow, estimate, overruns: budgetOverruns(workflow, estimate) };
  }

  /** Creates the run (with its estimate), ready for `advance`. */
  async start(start: StartRun): Promise<RunState> {
    const catalog = this.catalog(start.workspaceRoot);
    const { workflow, estimate, overruns } = await this.estimate(start, catalog);
    if (overruns.length > 0 && !start.overBudget) {
      throw new BudgetError(
        `The estimate for '${workflow.id}' goes over its budget: ${overruns.join('; ')}. ` +
          'Raise the budget in the workflow file, or start anyway with --over-budget.',
      );
    }
    const hasModelPass = workflow.passes.some((p) => catalog.passes.get(p.uses)?.kind === 'model');
    if (hasModelPass && !start.modelId) {
      throw new Error(
        `'${workflow.id}' has model passes; choose a model with --model <id> (\`cairn models list\`).`,
      );
    }
    const item = start.itemId ? this.requireItem(start.itemId) : null;
    return this.engine(start.workspaceRoot, start.modelId, undefined, catalog).start({
      workflow,
      item,
      workspaceRoot: start.workspaceRoot,
      model: start.modelId,
      estimate,
      escalations: start.escalations ?? {},
    });
  }

  requireRun(idOrPrefix: string): RunState {
    const run = this.runs.findRun(idOrPrefix);
    if (!run) {
      throw new Error(
        `No run ${idOrPrefix} (or the prefix is ambiguous); \`cairn runs\` lists them.`,
      );
    }
    return run;
  }

  /** An engine bound to the run's own workspace and model. */
  engineFor(run: RunState, onEvent?: (event: RunEvent) => void): WorkflowEngine {
    return this.engine(run.workspaceRoot, run.model, onEvent);
  }
}
