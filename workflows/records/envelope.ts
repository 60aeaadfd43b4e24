// The record of one model call (DESIGN.md, Records): written before anything uses the result,
// so a crash, a schema failure or a cancelled run still leaves the call on record. Plain data,
// validated with zod when it is read back from the database or crosses the contract.
import { z } from 'zod';

export const TierSchema = z.enum(['local', 'hosted', 'cloud']);
export type Tier = z.infer<typeof TierSchema>;

export const ChatMessageSchema = z.object({
  role: z.enum(['system', 'user', 'assistant']),
  content: z.string(),
});
export type ChatMessage = z.infer<typeof ChatMessageSchema>;

/** Which model answered, precisely enough to reproduce the call. */
export const ModelIdentitySchema = z.object({
  tier: TierSchema,
  /** `node-llama-cpp` for on-device models; the provider's name for remote ones. */
  provider: z.string(),
  /** The registry ID (local) or the requested model name (remote). */
  name: z.string(),
  /** SHA-256 of the GGUF file; null for remote models. */
  sha256: z.string().nullable(),
  quantization: z.string().nullable(),
  backend: z.string().nullable(),
  gpuLayers: z.number().int().nonnegative().nullable(),
  threads: z.number().int().positive().nullable(),
  contextSize: z.number().int().positive().nullable(),
  runtimeVersion: z.string().nullable(),
  /** The model the provider says answered (remote), which may differ from the one asked for. */
  resolvedModel: z.string().nullable(),
});
export type ModelIdentity = z.infer<typeof ModelIdentitySchema>;

export const CallParamsSchema = z.object({
  seed: z.number().int().nullable(),
  temperature: z.number(),
  topP: z.number().nullable(),
  maxTokens: z.number().int().positive(),
  /** The JSON schema the output was decoded under (kept so the call can be re-run exactly). */
  jsonSchema: z.record(z.string(), z.unknown()).nullable(),
  /** SHA-256 of the canonical JSON schema; null for free text. */
  grammarHash: z.string().nullable(),
  /** The output schema's name (`clarify-questions`, …), for people reading the record. */
  schemaName: z.string().nullable(),
});
export type CallParams = z.infer<typeof CallParamsSchema>;

/** A piece of the repository the prompt was built from, and the commit it was read at. */
export const RetrievedChunkSchema = z.object({
  path: z.string(),
  /** The commit the file was read at; null when it had uncommitted changes. */
  commit: z.string().nullable(),
  sha256: z.string(),
  /** The heading of the section, when only a section was used. */
  section: z.string().nullable(),
});
export type RetrievedChunk = z.infer<typeof RetrievedChunkSchema>;

export const TokenCountsSchema = z.object({
  input: z.number().int().nonnegative(),
  /** Input tokens whose evaluation was reused (KV cache of a shared prefix, or a provider cache). */
  cachedInput: z.number().int().nonnegative(),
  cacheWrite: z.number().int().nonnegative(),
  output: z.number().int().nonnegative(),
  reasoning: z.number().int().nonnegative(),
});
export type TokenCounts = z.infer<typeof TokenCountsSchema>;

export const TimingsSchema = z.object({
  timeToFirstTokenMs: z.number().nonnegative().nullable(),
  totalMs: z.number().nonnegative(),
  outputTokensPerSecond: z.number().nonnegative().nullable(),
  loadMs: z.number().nonnegative(),
});
export type Timings = z.infer<typeof TimingsSchema>;

export const CostSchema = z.object({
  currency: z.string(),
  amount: z.number().nonnegative(),
  /** The price table version the amount was computed with; null for local models (free). */
  priceTable: z.string().nullable(),
});
export type Cost = z.infer<typeof CostSchema>;

export const EnvelopeSchema = z.object({
  id: z.string(),
  createdAt: z.string(),
  runId: z.string().nullable(),
  passId: z.string().nullable(),
  workItemId: z.string().nullable(),
  /** `generation`: a call to a model; `cache-hit`: a result reused from `cachedFrom`. */
  kind: z.enum(['generation', 'cache-hit']),
  model: ModelIdentitySchema,
  params: CallParamsSchema,
  messages: z.array(ChatMessageSchema),
  retrieved: z.array(RetrievedChunkSchema),
  output: z.object({
    text: z.string(),
    /** The parsed JSON when the call had a schema and the output parsed. */
    json: z.unknown().nullable(),
    stopReason: z.string(),
  }),
  /** Why the output could not be used (schema failure, worker crash); null when it could. */
  error: z.string().nullable(),
  tokens: TokenCountsSchema,
  timings: TimingsSchema,
  cost: CostSchema,
  /** SHA-256 of the canonical request (cache-key.ts): equal keys mean the same call. */
  cacheKey: z.string(),
  cachedFrom: z.string().nullable(),
  /** The recorded call this one re-ran on another model. */
  rerunOf: z.string().nullable(),
});
export type Envelope = z.infer<typeof EnvelopeSchema>;
