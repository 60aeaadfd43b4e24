// The workflow file format (`workflows/builtin/*.yaml`, `.cairn/workflows/*.yaml`), as zod
// schemas. load-definition.ts maps a failed parse back to the file, line and field.
import { z } from 'zod';

const Id = z
  .string()
  .regex(/^[a-z][a-z0-9-]*$/, 'must be lower-case letters, digits and dashes (`spec-review`)');

const Glob = z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]);

export const InputSchema = z.union([
  /** `optional`: the documents may not exist yet (the pass is the one that writes them). */
  z.strictObject({ documents: Glob, optional: z.boolean().default(false) }),
  z.strictObject({ section: z.strictObject({ documents: Glob, heading: z.string().min(1) }) }),
  z.strictObject({ pass: Id }),
  z.strictObject({ template: z.enum(['prd', 'requirements', 'design', 'tasks']) }),
]);
export type InputDefinition = z.infer<typeof InputSchema>;

/** An automatic gate criterion: a named one, or a bound on a metric the pass reports. */
export const CriterionSchema = z.union([
  z.enum(['no-lint-errors', 'every-requirement-has-scenario', 'no-critical-findings']),
  z.strictObject({ metric: z.string().min(1), max: z.number() }),
]);
export type CriterionDefinition = z.infer<typeof CriterionSchema>;

export const GateSchema = z.strictObject({
  auto: z.array(CriterionSchema).default([]),
  /** Wait for a person to approve (and answer questions) before the next pass. */
  human: z.boolean().default(false),
});
export type GateDefinition = z.infer<typeof GateSchema>;

export const RoutingSchema = z.strictObject({
  tier: z.enum(['local', 'hosted', 'cloud']).default('local'),
  cloud: z.enum(['forbidden', 'ask']).default('forbidden'),
});
export type RoutingDefinition = z.infer<typeof RoutingSchema>;

export const BudgetSchema = z.strictObject({
  tokens: z.number().int().positive().optional(),
  seconds: z.number().positive().optional(),
  /** In the price table's currency (USD). */
  money: z.number().nonnegative().optional(),
});
export type BudgetDefinition = z.infer<typeof BudgetSchema>;

export const PassSchema = z.strictObject({
  id: Id,
  /** The pass implementation (`lint`, `analyze`, `clarify`, …). */
  uses: Id,
  title: z.string().min(1).optional(),
  inputs: z.array(InputSchema).default([]),
  /** Where the pass proposes its changes, for passes that write (`{item}/tasks.md`). */
  output: z.string().min(1).optional(),
  /** The prompt template for a model pass (a name in builtin/prompts or .cairn/prompts). */
  prompt: Id.optional(),
  gate: GateSchema.optional(),
  routing: RoutingSchema.optional(),
  /** `reuse`: a recorded call with the same cache key answers again instead of the model. */
  cache: z.enum(['reuse', 'off']).default('off'),
  max_tokens: z.number().int().positive().max(131_072).optional(),
  /** `on-failure`: when the local model's output fails its checks, ask a stronger tier. */
  escalate: z.enum(['never', 'on-failure']).default('never'),
  escalate_to: z.enum(['hosted', 'cloud']).default('hosted'),
  /**
   * An output whose `confidence` (0–1, when its schema has one) is below this fails its checks:
   * with `escalate: on-failure` the pass then asks the stronger tier.
   */
  min_confidence: z.number().min(0).max(1).optional(),
});
export type PassDefinition = z.infer<typeof PassSchema>;

export const WorkflowSchema = z.strictObject({
  id: Id,
  title: z.string().min(1),
  description: z.string().default(''),
  /** The kinds of work item the workflow is for. */
  items: z.array(z.enum(['feature', 'bug', 'docs', 'review'])).default([]),
  budget: BudgetSchema.optional(),
  routing: RoutingSchema.optional(),
  passes: z.array(PassSchema).min(1, 'a workflow needs at least one pass'),
});
export type WorkflowDefinition = z.infer<typeof WorkflowSchema>;
