// The estimate shown before a workflow starts: input tokens from what each model pass will
// read (its prompt template and inputs, as they are now), output tokens from its max-token
// bound, time from this machine's measured speed for the model, money from the price table.
// Inputs that do not exist yet (the requirements `specify` will write) count as the bound of
// the pass that produces them.
import type { Workspace } from '../specs/model.ts';
import type { PassDefinition, WorkflowDefinition } from './definition.ts';
import type { WorkItemRef } from './pass.ts';
import { matchDocuments } from './resolve-inputs.ts';
import type { PassEstimate, RunEstimate } from './run-state.ts';

export const DEFAULT_PASS_MAX_TOKENS = 1024;

/** The text a model pass will read, gathered without failing on inputs that are missing. */
export function passReadingText(
  pass: PassDefinition,
  sources: {
    workspace: Workspace;
    files: ReadonlyMap<string, string>;
    item: WorkItemRef | null;
    prompts: ReadonlyMap<string, string>;
    templates: Readonly<Record<string, string>>;
  },
): string {
  const parts: string[] = [];
  if (pass.prompt) parts.push(sources.prompts.get(pass.prompt) ?? '');
  if (sources.item) parts.push(sources.item.title);
  for (const input of pass.inputs) {
    if ('documents' in input || 'section' in input) {
      const glob = 'documents' in input ? input.documents : input.section.documents;
      for (const path of matchDocuments(glob, sources)) parts.push(sources.files.get(path) ?? '');
    } else if ('template' in input) {
      parts.push(sources.templates[input.template] ?? '');
    }
  }
  return parts.join('\n');
}

export interface EstimateArgs {
  workflow: WorkflowDefinition;
  kinds: ReadonlyMap<string, 'deterministic' | 'model'>;
  /** Tokens each pass reads from the workspace and its prompt, by pass index. */
  readingTokens: readonly number[];
  /** This machine's measured speed for the model; null when it was never measured. */
  speed: { promptTokensPerSecond: number; outputTokensPerSecond: number } | null;
  /** Money per token for the model that will answer (0 for local models). */
  price: { input: number; output: number; currency: string };
  basis: string[];
}

export function estimateRun(args: EstimateArgs): RunEstimate {
  const bounds = new Map<string, number>();
  const passes: PassEstimate[] = args.workflow.passes.map((pass, index) => {
    const kind = args.kinds.get(pass.uses) ?? 'deterministic';
    if (kind === 'deterministic') {
      bounds.set(pass.id, 0);
      return { passId: pass.id, kind, inputTokens: 0, outputTokens: 0, seconds: 0, money: 0 };
    }
    const fromPasses = pass.inputs.reduce(
      (sum, input) => sum + ('pass' in input ? (bounds.get(input.pass) ?? 0) : 0),
      0,
    );
    const inputTokens = (args.readingTokens[index] ?? 0) + fromPasses;
    const outputTokens = pass.max_tokens ?? DEFAULT_PASS_MAX_TOKENS;
    bounds.set(pass.id, outputTokens);
    const seconds = args.speed
      ? inputTokens / args.speed.promptTokensPerSecond +
        outputTokens / args.speed.outputTokensPerSecond
      : 0;
    const money = inputTokens * args.price.input + outputTokens * args.price.output;
    return { passId: pass.id, kind, inputTokens, outputTokens, seconds, money };
  });
  const sum = (key: 'inputTokens' | 'outputTokens' | 'seconds' | 'money') =>
    passes.reduce((total, p) => total + p[key], 0);
  return {
    passes,
    inputTokens: sum('inputTokens'),
    outputTokens: sum('outputTokens'),
    seconds: sum('seconds'),
    money: sum('money'),
    currency: args.price.currency,
    basis: args.speed
      ? args.basis
      : [
          ...args.basis,
          'no speed measured for this model on this machine: run `cairn models bench`',
        ],
  };
}

/** Budget lines the estimate goes over, in words; empty when it fits. */
export function budgetOverruns(workflow: WorkflowDefinition, estimate: RunEstimate): string[] {
  const budget = workflow.budget;
  if (!budget) return [];
  const over: string[] = [];
  const tokens = estimate.inputTokens + estimate.outputTokens;
  if (budget.tokens !== undefined && tokens > budget.tokens) {
    over.push(`up to ${tokens} tokens against a budget of ${budget.tokens}`);
  }
  if (budget.seconds !== undefined && estimate.seconds > budget.seconds) {
    over.push(`about ${Math.round(estimate.seconds)} s against a budget of ${budget.seconds} s`);
  }
  if (budget.money !== undefined && estimate.money > budget.money) {
    over.push(
      `up to ${estimate.money.toFixed(4)} ${estimate.currency} against a budget of ${budget.money}`,
    );
  }
  return over;
}
