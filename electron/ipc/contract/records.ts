// Channels of the Records view: a page of recorded model calls with filters, the values those
// filters offer, one call's whole envelope (what the model received and returned, and the
// consent it left the machine under), the field-by-field comparison of two calls, and a
// re-run on an on-device model as a cancellable stream. Zod only: the renderer loads this too.
// The handlers are in ../handlers/records.ts.
import { z } from 'zod';
import { call, stream } from './channel-kinds.ts';
import { EnvelopeSchema, TierSchema } from '../../../workflows/records/envelope.ts';
import { ModelIdSchema } from './models.ts';

/** A call id, or a unique start of one (at least 4 characters). */
const RecordIdSchema = z.string().trim().min(4).max(200);
const IdFilterSchema = z.string().min(1).max(200);

export const RecordOutcomeSchema = z.enum(['ok', 'failed', 'cache-hit']);
export type RecordOutcome = z.infer<typeof RecordOutcomeSchema>;

export const RecordFilterSchema = z
  .object({
    runId: IdFilterSchema.optional(),
    passId: IdFilterSchema.optional(),
    /** `provider/name`, as records.facets lists them. */
    model: z.string().min(1).max(400).optional(),
    tier: TierSchema.optional(),
    outcome: RecordOutcomeSchema.optional(),
    /** Part of a call id, run id or work item id, or the start of a cache key. */
    search: z.string().max(200).optional(),
  })
  .strict();
export type RecordFilter = z.infer<typeof RecordFilterSchema>;

export const RecordSummarySchema = EnvelopeSchema.pick({
  id: true,
  createdAt: true,
  runId: true,
  passId: true,
  workItemId: true,
  kind: true,
}).extend({
  tier: TierSchema,
  model: z.string(),
  /** The registered name of an on-device model; null for remote ones and removed models. */
  modelName: z.string().nullable(),
  ok: z.boolean(),
  error: z.string().nullable(),
  inputTokens: z.number(),
  outputTokens: z.number(),
  totalMs: z.number(),
  cost: z.object({ amount: z.number(), currency: z.string() }),
  cachedFrom: z.string().nullable(),
  rerunOf: z.string().nullable(),
});
export type RecordSummary = z.infer<typeof RecordSummarySchema>;

/** The consent and egress-log entry a hosted or cloud call went out under. */
export const RecordEgressSchema = z.object({
  requestId: z.string(),
  consentId: z.string().nullable(),
  providerId: z.string(),
  destination: z.string(),
  status: z.string(),
  sentAt: z.string().nullable(),
  reason: z.string(),
});

export const RecordDetailSchema = z.object({
  envelope: EnvelopeSchema,
  modelName: z.string().nullable(),
  egress: RecordEgressSchema.nullable(),
});
export type RecordDetail = z.infer<typeof RecordDetailSchema>;

export const FieldComparisonSchema = z.object({
  path: z.string(),
  status: z.enum(['same', 'changed', 'added', 'removed']),
  before: z.unknown().optional(),
  after: z.unknown().optional(),
  similarity: z.number().optional(),
});
export type FieldComparisonView = z.infer<typeof FieldComparisonSchema>;

export const RecordComparisonSchema = z.object({
  source: RecordDetailSchema,
  other: RecordDetailSchema,
  /** Both calls received the same messages. */
  sameMessages: z.boolean(),
  /** And the same parameters (schema, seed, temperature, top-p, token limit). */
  sameParams: z.boolean(),
  comparison: z.object({
    fields: z.array(FieldComparisonSchema),
    counts: z.object({
      same: z.number(),
      changed: z.number(),
      added: z.number(),
      removed: z.number(),
    }),
    textSimilarity: z.number(),
    identical: z.boolean(),
  }),
});
export type RecordComparison = z.infer<typeof RecordComparisonSchema>;

const ProblemSchema = z.object({ code: z.string(), message: z.string() });

export const RerunEventSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('started'),
    sourceId: z.string(),
    model: z.object({ id: z.string(), name: z.string() }),
  }),
  /** Text the model produced since the last event (batched, a few times a second). */
  z.object({ type: z.literal('text'), text: z.string() }),
  z.object({ type: z.literal('done'), result: RecordComparisonSchema }),
  z.object({
    type: z.literal('error'),
    error: ProblemSchema,
    /** The failed re-run's own record, when it got that far. */
    recordId: z.string().nullable().optional(),
  }),
]);
export type RerunEvent = z.infer<typeof RerunEventSchema>;

export const recordChannels = {
  /** One page of recorded calls, newest first; `after` is the `next` of the page before. */
  'records.list': call(
    RecordFilterSchema.extend({
      after: z.string().max(100).nullable().optional(),
      limit: z.number().int().min(1).max(500).optional(),
    }).strict(),
    z.object({
      records: z.array(RecordSummarySchema),
      total: z.number().int().nonnegative(),
      next: z.string().nullable(),
    }),
  ),
  /** What the filters offer: recent runs, passes and models that have recorded calls. */
  'records.facets': call(
    z.object({}).strict(),
    z.object({
      runs: z.array(z.string()),
      passes: z.array(z.string()),
      models: z.array(z.object({ model: z.string(), tier: TierSchema, name: z.string() })),
    }),
  ),
  /** A recorded call exactly: every message, parameters, model, output, tokens, cost, consent. */
  'records.get': call(z.object({ id: RecordIdSchema }).strict(), RecordDetailSchema),
  /** Two calls of the same request (a call and its re-run), output field by field. */
  'records.compare': call(
    z.object({ sourceId: RecordIdSchema, otherId: RecordIdSchema }).strict(),
    RecordComparisonSchema,
  ),
  /**
   * Re-runs a recorded call on a registered on-device model, records it (marked as a re-run)
   * and compares the outputs. Stopping the subscription cancels; the cancelled call is recorded.
   */
  'records.rerun': stream(
    z
      .object({
        id: RecordIdSchema,
        modelId: ModelIdSchema,
      })
      .strict(),
    RerunEventSchema,
  ),
} as const;
