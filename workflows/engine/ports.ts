// The ports through which the pure engine reaches the world. electron/ implements them on
// ModelsService (model), SQLite (store) and the workspace folder (repo); unit tests use
// in-memory versions.
import type {
  ChatMessage,
  Envelope,
  ModelIdentity,
  Timings,
  TokenCounts,
} from '../records/envelope.ts';

/** Who is asking, for records, consent and the egress log of a call that leaves the machine. */
export interface CallContext {
  /** The envelope ID the call will be recorded under. */
  callId: string;
  runId: string | null;
  passId: string | null;
  workItemId: string | null;
  /** Why this call goes where it goes (routing policy, escalation), in words. */
  reason: string;
}

export interface ModelGenerateRequest {
  messages: ChatMessage[];
  /** Decode under this JSON schema's grammar; null for free text. */
  jsonSchema: Record<string, unknown> | null;
  maxTokens: number;
  temperature: number;
  topP: number | null;
  seed: number | null;
  /** Streamed text, for progress; with the tokens it took when the runtime counts them. */
  onText?: (chunk: string, tokens?: number) => void;
  signal?: { readonly aborted: boolean };
  context?: CallContext;
}

export interface ModelGenerateResult {
  text: string;
  /** The parsed JSON when a schema was given and the output parsed; undefined otherwise. */
  json: unknown;
  /** Why `json` is missing although a schema was given. */
  jsonProblem: string | null;
  stopReason: string;
  tokens: TokenCounts;
  timings: Timings;
  /** The model that actually answered, with the settings it ran with. */
  identity: ModelIdentity;
  /** The messages as they were sent, when they differ (redacted before leaving the machine). */
  sentMessages?: ChatMessage[];
}

/** One model, as the engine sees it. */
export interface ModelPort {
  /** The identity calls will be recorded under (before any call, for cache keys and estimates). */
  describe(): Promise<ModelIdentity>;
  generate(request: ModelGenerateRequest): Promise<ModelGenerateResult>;
}

/** Where envelopes go; `save` must be durable before it returns. */
export interface RecordPort {
  save(envelope: Envelope): void;
  /** The newest successful envelope with this cache key, if any. */
  findByCacheKey(cacheKey: string): Envelope | null;
}
