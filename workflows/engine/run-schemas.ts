// zod schemas for the run state that is stored as JSON and sent to the UI: what is read back
// from the database (or received over the contract) is checked, not trusted.
import { z } from 'zod';

export const RunStatusSchema = z.enum([
  'running',
  'waiting',
  'deferred',
  'blocked',
  'completed',
  'failed',
  'cancelled',
]);

export const WorkItemRefSchema = z.object({
  id: z.string(),
  kind: z.enum(['feature', 'bug', 'docs', 'review']),
  title: z.string(),
  folder: z.string().nullable(),
});

export const QuestionSchema = z.object({
  id: z.string(),
  question: z.string(),
  options: z.array(z.object({ key: z.string(), text: z.string() })),
  recommended: z.string(),
  reason: z.string(),
});

export const FileChangeSchema = z.object({
  path: z.string(),
  before: z.string().nullable(),
  after: z.string(),
  summary: z.string(),
});

export const PassResultSchema = z.object({
  summary: z.string(),
  output: z.unknown(),
  metrics: z.record(z.string(), z.number()),
  changes: z.array(FileChangeSchema),
  questions: z.array(QuestionSchema).optional(),
});

export const GateStateSchema = z.object({
  auto: z.array(z.object({ criterion: z.string(), ok: z.boolean(), detail: z.string() })),
  human: z.enum(['pending', 'approved', 'rejected']).nullable(),
  answers: z.record(z.string(), z.string()).nullable(),
  decidedAt: z.string().nullable(),
});

export const PassEstimateSchema = z.object({
  passId: z.string(),
  kind: z.enum(['deterministic', 'model']),
  inputTokens: z.number(),
  outputTokens: z.number(),
  seconds: z.number(),
  money: z.number(),
});

export const RunEstimateSchema = z.object({
  passes: z.array(PassEstimateSchema),
  inputTokens: z.number(),
  outputTokens: z.number(),
  seconds: z.number(),
  money: z.number(),
  currency: z.string(),
  basis: z.array(z.string()),
});
