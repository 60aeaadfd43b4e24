// Envelopes as OpenTelemetry spans in OTLP JSON (the body of an OTLP/HTTP JSON export, which
// `otel-cli`, Jaeger, Tempo and the Collector's file receiver load), named after the GenAI
// semantic conventions. One trace per run, one span per model call; ids are derived from the
// run and call ids, so exporting twice gives the same trace. What is Cairn's own goes under
// `cairn.*`. Message contents are not exported: they stay in the local record.
import { sha256Hex } from './canonical-json.ts';
import type { Envelope } from './envelope.ts';

export type OtlpAnyValue =
  | { stringValue: string }
  | { boolValue: boolean }
  /** int64 in OTLP JSON is a decimal string. */
  | { intValue: string }
  | { doubleValue: number }
  | { arrayValue: { values: OtlpAnyValue[] } };

export interface OtlpKeyValue {
  key: string;
  value: OtlpAnyValue;
}

export interface OtlpSpan {
  traceId: string;
  spanId: string;
  name: string;
  /** 3 = SPAN_KIND_CLIENT: the call goes out to a model. */
  kind: number;
  startTimeUnixNano: string;
  endTimeUnixNano: string;
  attributes: OtlpKeyValue[];
  /** code 2 = STATUS_CODE_ERROR; absent (unset) for calls whose output was usable. */
  status?: { code: number; message: string };
}

export interface OtlpTraces {
  resourceSpans: {
    resource: { attributes: OtlpKeyValue[] };
    scopeSpans: { scope: { name: string; version: string }; spans: OtlpSpan[] }[];
  }[];
}

export const SPAN_KIND_CLIENT = 3;
export const STATUS_CODE_ERROR = 2;

/** 32 hex digits, the same for every call of a run (a call outside any run is its own trace). */
export function traceIdFor(envelope: Pick<Envelope, 'id' | 'runId'>): string {
  return sha256Hex(
    envelope.runId !== null ? `cairn-run:${envelope.runId}` : `cairn-call:${envelope.id}`,
  ).slice(0, 32);
}

/** 16 hex digits, one per call. */
export function spanIdFor(callId: string): string {
  return sha256Hex(`cairn-span:${callId}`).slice(0, 16);
}

export function toOtlpTraces(
  envelopes: readonly Envelope[],
  options: { serviceVersion: string },
): OtlpTraces {
  return {
    resourceSpans: [
      {
        resource: {
          attributes: attributes({
            'service.name': 'cairn',
            'service.version': options.serviceVersion,
          }),
        },
        scopeSpans: [
          {
            scope: { name: 'cairn.records', version: options.serviceVersion },
            spans: envelopes.map(toSpan),
          },
        ],
      },
    ],
  };
}

const FINISH_REASONS: Record<string, string> = { end: 'stop', maxTokens: 'length' };

function toSpan(e: Envelope): OtlpSpan {
  const endMs = Date.parse(e.createdAt);
  if (Number.isNaN(endMs)) throw new Error(`Record ${e.id} has no valid time (${e.createdAt}).`);
  const durationNs = BigInt(Math.round((e.timings.loadMs + e.timings.totalMs) * 1e6));
  const endNs = BigInt(endMs) * 1_000_000n;
  const requestModel = e.model.name;
  const span: OtlpSpan = {
    traceId: traceIdFor(e),
    spanId: spanIdFor(e.id),
    name: `chat ${requestModel}`,
    kind: SPAN_KIND_CLIENT,
    // The record is written when the call ends; it started its load and run time earlier.
    startTimeUnixNano: String(endNs - durationNs),
    endTimeUnixNano: String(endNs),
    attributes: attributes({
      'gen_ai.operation.name': 'chat',
      'gen_ai.provider.name': e.model.provider,
      'gen_ai.request.model': requestModel,
      'gen_ai.response.model': e.model.resolvedModel ?? requestModel,
      'gen_ai.request.temperature': { double: e.params.temperature },
      'gen_ai.request.top_p': e.params.topP === null ? null : { double: e.params.topP },
      'gen_ai.request.seed': e.params.seed === null ? null : { int: e.params.seed },
      'gen_ai.request.max_tokens': { int: e.params.maxTokens },
      'gen_ai.output.type': e.params.jsonSchema ? 'json' : 'text',
      'gen_ai.usage.input_tokens': { int: e.tokens.input },
      'gen_ai.usage.output_tokens': { int: e.tokens.output },
      'gen_ai.response.finish_reasons': [
        FINISH_REASONS[e.output.stopReason] ?? e.output.stopReason,
      ],
      'error.type': e.error === null ? null : '_OTHER',
      'cairn.call.id': e.id,
      'cairn.call.kind': e.kind,
      'cairn.run.id': e.runId,
      'cairn.pass.id': e.passId,
      'cairn.work_item.id': e.workItemId,
      'cairn.cache_key': e.cacheKey,
      'cairn.cached_from': e.cachedFrom,
      'cairn.rerun_of': e.rerunOf,
      'cairn.model.tier': e.model.tier,
      'cairn.model.sha256': e.model.sha256,
      'cairn.model.quantization': e.model.quantization,
      'cairn.model.backend': e.model.backend,
      'cairn.model.gpu_layers': e.model.gpuLayers === null ? null : { int: e.model.gpuLayers },
      'cairn.model.threads': e.model.threads === null ? null : { int: e.model.threads },
      'cairn.model.context_size':
        e.model.contextSize === null ? null : { int: e.model.contextSize },
      'cairn.model.runtime_version': e.model.runtimeVersion,
      'cairn.request.grammar_hash': e.params.grammarHash,
      'cairn.request.schema_name': e.params.schemaName,
      'cairn.usage.cached_input_tokens': { int: e.tokens.cachedInput },
      'cairn.usage.cache_write_tokens': { int: e.tokens.cacheWrite },
      'cairn.usage.reasoning_tokens': { int: e.tokens.reasoning },
      'cairn.timing.load_ms': { double: e.timings.loadMs },
      'cairn.timing.time_to_first_token_ms':
        e.timings.timeToFirstTokenMs === null ? null : { double: e.timings.timeToFirstTokenMs },
      'cairn.timing.output_tokens_per_second':
        e.timings.outputTokensPerSecond === null
          ? null
          : { double: e.timings.outputTokensPerSecond },
      'cairn.cost.amount': { double: e.cost.amount },
      'cairn.cost.currency': e.cost.currency,
      'cairn.cost.price_table': e.cost.priceTable,
    }),
  };
  if (e.error !== null) span.status = { code: STATUS_CODE_ERROR, message: e.error };
  return span;
}

type AttributeInput = string | string[] | { int: number } | { double: number } | null;

/** Typed attributes in OTLP JSON form; null values are left out, as OpenTelemetry does. */
function attributes(values: Record<string, AttributeInput>): OtlpKeyValue[] {
  const out: OtlpKeyValue[] = [];
  for (const [key, v] of Object.entries(values)) {
    if (v === null) continue;
    out.push({ key, value: anyValue(v) });
  }
  return out;
}

function anyValue(v: Exclude<AttributeInput, null>): OtlpAnyValue {
  if (typeof v === 'string') return { stringValue: v };
  if (Array.isArray(v)) return { arrayValue: { values: v.map((s) => ({ stringValue: s })) } };
  if ('int' in v) return { intValue: String(Math.trunc(v.int)) };
  return { doubleValue: v.double };
}
