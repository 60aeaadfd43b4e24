// Channels of workflow runs (the Runs view): the workflow catalog of the open workspace, work
// items, the estimate before a run, starting and driving runs, their timeline, proposed changes
// and gates, and one stream of live engine events. Part of the contract, so zod and workflows/
// only: the renderer loads this file too. The handlers are in ../handlers/runs.ts.
import { z } from 'zod';
import { call, stream } from './channel-kinds.ts';
import {
  GateStateSchema,
  PassEstimateSchema,
  QuestionSchema,
  RunEstimateSchema,
  RunStatusSchema,
  WorkItemRefSchema,
} from '../../../workflows/engine/run-schemas.ts';

const Empty = z.object({}).strict();

export { RunStatusSchema };
export const RUN_STATUSES = RunStatusSchema.options;
export const WORK_ITEM_KINDS = ['feature', 'bug', 'docs', 'review'] as const;
const KindSchema = z.enum(WORK_ITEM_KINDS);
const TierSchema = z.enum(['hosted', 'cloud']);

const RunIdSchema = z
  .string()
  .regex(/^RUN-[0-9A-Za-z]{1,16}$/, 'must be a run id such as RUN-7KQ2M4AB');
const ChangeIdSchema = z
  .string()
  .regex(/^CHG-[0-9A-Za-z]{1,16}$/, 'must be a change id such as CHG-4D7XK2PQ');
const WorkflowIdSchema = z
  .string()
  .regex(/^[a-z][a-z0-9-]{0,99}$/, 'must be a workflow id such as spec-review');
const ItemIdSchema = z
  .string()
  .regex(/^(FEAT|BUG|DOCS|REV)-[0-9A-Za-z]{1,16}$/i, 'must be a work item id such as FEAT-7KQ2M4');
const ModelIdSchema = z
  .string()
  .regex(/^[0-9a-f]{6,64}$/, 'must be a model id: 6 to 64 lowercase hex digits');
const PassIdSchema = z
  .string()
  .regex(/^[a-z][a-z0-9-]{0,99}$/, 'must be a pass id such as clarify');
/** A folder inside the workspace, relative, with forward slashes. */
const FolderSchema = z
  .string()
  .min(1)
  .max(1024)
  .refine((p) => !p.startsWith('/') && !/^[a-zA-Z]:/.test(p) && !p.split(/[\\/]/).includes('..'), {
    message: 'must be a folder inside the workspace (no "..", no leading "/")',
  });

const PassKindSchema = z.enum(['deterministic', 'model']);

export const WorkflowSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string(),
  items: z.array(KindSchema),
  source: z.enum(['builtin', 'workspace']),
  file: z.string(),
  passes: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      uses: z.string(),
      kind: PassKindSchema,
      gate: z.object({ auto: z.array(z.string()), human: z.boolean() }).nullable(),
    }),
  ),
  budget: z
    .object({
      tokens: z.number().nullable(),
      seconds: z.number().nullable(),
      money: z.number().nullable(),
    })
    .nullable(),
});
export type WorkflowSummary = z.infer<typeof WorkflowSummarySchema>;

export const CatalogProblemSchema = z.object({
  message: z.string(),
  problems: z.array(
    z.object({
      file: z.string(),
      line: z.number().int(),
      column: z.number().int(),
      field: z.string(),
      message: z.string(),
    }),
  ),
});

export const WorkItemSchema = WorkItemRefSchema.extend({ createdAt: z.string() });
export type WorkItemView = z.infer<typeof WorkItemSchema>;

export const RunTotalsSchema = z.object({
  calls: z.number().int().nonnegative(),
  inputTokens: z.number().nonnegative(),
  outputTokens: z.number().nonnegative(),
  /** Time the passes took, wall clock. */
  passMs: z.number().nonnegative(),
  money: z.number().nonnegative(),
  currency: z.string(),
});
export type RunTotals = z.infer<typeof RunTotalsSchema>;

export const RunSummarySchema = z.object({
  id: z.string(),
  workflowId: z.string(),
  workflowTitle: z.string(),
  item: WorkItemRefSchema.nullable(),
  model: z.string().nullable(),
  status: RunStatusSchema,
  nextPass: z.number().int().nonnegative(),
  passCount: z.number().int().nonnegative(),
  error: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** This host is driving the run now; a `running` run that is not active was interrupted. */
  active: z.boolean(),
  totals: RunTotalsSchema,
});
export type RunSummary = z.infer<typeof RunSummarySchema>;

export const PassViewSchema = z.object({
  index: z.number().int().nonnegative(),
  id: z.string(),
  title: z.string(),
  uses: z.string(),
  kind: PassKindSchema,
  /** `stopped`: its model call was cut short (the run was cancelled or interrupted). */
  state: z.enum(['pending', 'next', 'completed', 'failed', 'stopped']),
  summary: z.string().nullable(),
  error: z.string().nullable(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  gateDefinition: z.object({ auto: z.array(z.string()), human: z.boolean() }).nullable(),
  gate: GateStateSchema.nullable(),
  questions: z.array(QuestionSchema),
  estimate: PassEstimateSchema.nullable(),
  /** The pass's model calls, from their records. */
  calls: z.object({
    count: z.number().int().nonnegative(),
    inputTokens: z.number().nonnegative(),
    outputTokens: z.number().nonnegative(),
    ms: z.number().nonnegative(),
    /** Measured by the runtime over the generation; null when no call reported it. */
    outputTokensPerSecond: z.number().nullable(),
    money: z.number().nonnegative(),
    cached: z.number().int().nonnegative(),
  }),
});
export type PassView = z.infer<typeof PassViewSchema>;

export const ChangeViewSchema = z.object({
  id: z.string(),
  passIndex: z.number().int().nonnegative(),
  passId: z.string(),
  path: z.string(),
  summary: z.string(),
  status: z.enum(['proposed', 'accepted', 'rejected', 'stale']),
  decidedAt: z.string().nullable(),
  /** The file does not exist yet: the change creates it. */
  creates: z.boolean(),
  /** A unified diff (`---`/`+++`, `@@` hunks with 3 lines of context). */
  diff: z.string(),
});
export type ChangeView = z.infer<typeof ChangeViewSchema>;

export const RunDetailSchema = RunSummarySchema.extend({
  estimate: RunEstimateSchema.nullable(),
  passes: z.array(PassViewSchema),
  changes: z.array(ChangeViewSchema),
  /** Where the pass the run stopped at may be escalated, and why not elsewhere, in words. */
  escalation: z.object({
    passId: z.string().nullable(),
    tiers: z.array(TierSchema),
    note: z.string(),
  }),
  /** Requests of this run that wait in the consent queue (or for the network). */
  consentWaiting: z.number().int().nonnegative(),
});
export type RunDetail = z.infer<typeof RunDetailSchema>;

export const RunEventSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('pass-started'),
    runId: z.string(),
    passIndex: z.number().int(),
    passId: z.string(),
    title: z.string(),
  }),
  z.object({
    type: z.literal('text'),
    runId: z.string(),
    passId: z.string(),
    chunk: z.string(),
    /** Tokens the chunk took, when the model's runtime counts them (on-device models do). */
    tokens: z.number().int().nonnegative().optional(),
  }),
  z.object({
    type: z.literal('pass-finished'),
    runId: z.string(),
    passIndex: z.number().int(),
    passId: z.string(),
    summary: z.string(),
    gate: GateStateSchema,
  }),
  z.object({
    type: z.literal('pass-failed'),
    runId: z.string(),
    passIndex: z.number().int(),
    passId: z.string(),
    error: z.string(),
  }),
  z.object({
    type: z.literal('run-status'),
    runId: z.string(),
    status: RunStatusSchema,
    error: z.string().nullable(),
  }),
  /** This host stopped driving the run: it finished, stopped at a gate, or was cancelled. */
  z.object({
    type: z.literal('drive-ended'),
    runId: z.string(),
    status: RunStatusSchema.nullable(),
    error: z.string().nullable(),
  }),
  z.object({
    type: z.literal('error'),
    error: z.object({ code: z.string(), message: z.string() }),
  }),
]);
export type RunEventView = z.infer<typeof RunEventSchema>;

const RunRef = z.object({ runId: RunIdSchema }).strict();

export const runChannels = {
  /** The workflows the open workspace can run, and team files that could not be read. */
  'runs.catalog': call(
    Empty,
    z.object({
      workflows: z.array(WorkflowSummarySchema),
      problems: z.array(CatalogProblemSchema),
    }),
  ),
  'runs.items': call(Empty, z.object({ items: z.array(WorkItemSchema) })),
  'runs.createItem': call(
    z
      .object({
        kind: KindSchema,
        title: z.string().trim().min(1, 'give the work item a title').max(200),
        folder: FolderSchema.nullable(),
      })
      .strict(),
    WorkItemSchema,
  ),
  /** Tokens, time and money before a run starts, with how they were obtained. */
  'runs.estimate': call(
    z
      .object({
        workflowId: WorkflowIdSchema,
        itemId: ItemIdSchema.nullable(),
        modelId: ModelIdSchema.nullable(),
      })
      .strict(),
    z.object({
      workflowId: z.string(),
      estimate: RunEstimateSchema,
      /** Budget lines the estimate goes over, in words; starting then needs `overBudget`. */
      overruns: z.array(z.string()),
    }),
  ),
  /** Creates the run and starts driving it on this host; progress comes on `runs.events`. */
  'runs.start': call(
    z
      .object({
        workflowId: WorkflowIdSchema,
        itemId: ItemIdSchema.nullable(),
        modelId: ModelIdSchema.nullable(),
        overBudget: z.boolean(),
      })
      .strict(),
    RunDetailSchema,
  ),
  'runs.list': call(
    z
      .object({
        status: RunStatusSchema.optional(),
        workflowId: WorkflowIdSchema.optional(),
        itemId: ItemIdSchema.optional(),
      })
      .strict(),
    z.object({ runs: z.array(RunSummarySchema), totals: RunTotalsSchema }),
  ),
  'runs.get': call(RunRef, RunDetailSchema),
  /** Decides the human gate the run waits at; approving goes on with the next passes. */
  'runs.gate': call(
    z
      .object({
        runId: RunIdSchema,
        decision: z.enum(['approve', 'reject']),
        /** Question id → chosen option key (or short answer); unanswered take the recommended. */
        answers: z.record(z.string().max(40), z.string().min(1).max(500)).optional(),
      })
      .strict(),
    RunDetailSchema,
  ),
  /**
   * Goes on with a stopped run: `resume` an interrupted or deferred one, `retry` the failed or
   * blocked pass, `override` a failed automatic gate.
   */
  'runs.continue': call(
    z.object({ runId: RunIdSchema, how: z.enum(['resume', 'retry', 'override']) }).strict(),
    RunDetailSchema,
  ),
  /** Runs a pass again on the hosted or cloud model; its request waits for consent. */
  'runs.escalate': call(
    z.object({ runId: RunIdSchema, passId: PassIdSchema, tier: TierSchema }).strict(),
    RunDetailSchema,
  ),
  /** Stops the run for good; a model call in progress is cancelled. */
  'runs.cancel': call(RunRef, RunDetailSchema),
  /** Accepts (writes, merging if the file moved on) or rejects one proposed change. */
  'runs.change': call(
    z.object({ changeId: ChangeIdSchema, decision: z.enum(['accept', 'reject']) }).strict(),
    z.object({
      change: ChangeViewSchema,
      /** What happened, in words: written, merged with edits made since, or why not. */
      outcome: z.string(),
    }),
  ),
  /** Live events of every run this host drives: pass progress, streamed text, status. */
  'runs.events': stream(Empty, RunEventSchema),
} as const;
