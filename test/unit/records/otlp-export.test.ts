// Checks the export against the OTLP/JSON encoding rules (opentelemetry-proto, "JSON Protobuf
// Encoding"): lowerCamelCase field names, trace and span ids as lower-case hex (32 and 16
// digits, not all zero), 64-bit integers (times, intValue) as decimal strings, enums as
// numbers, every attribute value exactly one of the AnyValue kinds.
import { describe, expect, it } from 'vitest';
import type { Envelope } from '../../../workflows/records/envelope.ts';
import {
  SPAN_KIND_CLIENT,
  STATUS_CODE_ERROR,
  toOtlpTraces,
  type OtlpAnyValue,
  type OtlpKeyValue,
} from '../../../workflows/records/otlp-export.ts';
import { sampleEnvelope } from '../../support/envelopes.ts';

const remote: Envelope = sampleEnvelope(
  { id: 'call-3', runId: 'run-2', createdAt: '2026-11-20T11:00:00.500Z' },
  {
    model: {
      tier: 'cloud',
      provider: 'openai',
      name: 'gpt-4.1',
      sha256: null,
      quantization: null,
      backend: null,
      gpuLayers: null,
      threads: null,
      contextSize: null,
      runtimeVersion: null,
      resolvedModel: 'gpt-4.1-2025-04-14',
    },
    error: 'questions[0].recommended: expected string',
    cost: { currency: 'USD', amount: 0.0123, priceTable: '2026-11-22' },
  },
);
const envelopes = [
  sampleEnvelope({ id: 'call-1', runId: 'run-1' }),
  sampleEnvelope({ id: 'call-2', runId: 'run-1', createdAt: '2026-11-20T10:00:05.000Z' }),
  remote,
  sampleEnvelope({ id: 'call-4', runId: null }),
];
const traces = toOtlpTraces(envelopes, { serviceVersion: '0.1.0' });
const spans = traces.resourceSpans[0]!.scopeSpans[0]!.spans;
const attrs = (list: OtlpKeyValue[]) => Object.fromEntries(list.map((a) => [a.key, a.value]));

function checkAnyValue(value: OtlpAnyValue): void {
  const kinds = Object.keys(value);
  expect(kinds).toHaveLength(1);
  const [kind] = kinds;
  const v = (value as Record<string, unknown>)[kind!];
  switch (kind) {
    case 'stringValue':
      expect(typeof v).toBe('string');
      break;
    case 'boolValue':
      expect(typeof v).toBe('boolean');
      break;
    case 'intValue':
      expect(v).toMatch(/^-?\d+$/);
      break;
    case 'doubleValue':
      expect(Number.isFinite(v)).toBe(true);
      break;
    case 'arrayValue':
      for (const item of (v as { values: OtlpAnyValue[] }).values) checkAnyValue(item);
      break;
    default:
      throw new Error(`not an OTLP AnyValue kind: ${kind}`);
  }
}

describe('toOtlpTraces', () => {
  it('follows the OTLP JSON encoding', () => {
    // A JSON round trip loses nothing: no bigint, no undefined.
    expect(JSON.parse(JSON.stringify(traces))).toEqual(traces);
    expect(attrs(traces.resourceSpans[0]!.resource.attributes)).toEqual({
      'service.name': { stringValue: 'cairn' },
      'service.version': { stringValue: '0.1.0' },
    });
    expect(spans).toHaveLength(4);
    for (const span of spans) {
      expect(span.traceId).toMatch(/^[0-9a-f]{32}$/);
      expect(span.traceId).not.toMatch(/^0+$/);
      expect(span.spanId).toMatch(/^[0-9a-f]{16}$/);
      expect(span.kind).toBe(SPAN_KIND_CLIENT);
      expect(span.startTimeUnixNano).toMatch(/^\d{19}$/);
      expect(BigInt(span.endTimeUnixNano)).toBeGreaterThan(BigInt(span.startTimeUnixNano));
      const keys = span.attributes.map((a) => a.key);
      expect(new Set(keys).size).toBe(keys.length);
      for (const a of span.attributes) checkAnyValue(a.value);
    }
  });

  it('puts the calls of one run in one trace, derived from the run id, and gives each call its own span', () => {
    expect(spans[0]!.traceId).toBe(spans[1]!.traceId);
    expect(spans[2]!.traceId).not.toBe(spans[0]!.traceId);
    expect(spans[3]!.traceId).not.toBe(spans[0]!.traceId);
    expect(new Set(spans.map((s) => s.spanId)).size).toBe(4);
    const again = toOtlpTraces(envelopes, { serviceVersion: '0.1.0' });
    expect(again).toEqual(traces);
  });

  it('ends the span when the call was recorded and starts it its load and run time earlier', () => {
    const s = spans[0]!;
    expect(s.endTimeUnixNano).toBe(String(Date.parse('2026-11-20T10:00:00.000Z')) + '000000');
    // loadMs 230 + totalMs 1312.25
    expect(BigInt(s.endTimeUnixNano) - BigInt(s.startTimeUnixNano)).toBe(1_542_250_000n);
  });

  it('names the GenAI attributes with their conventional names and types', () => {
    expect(spans[0]!.name).toBe('chat 3f2a9c1d7e0b');
    expect(attrs(spans[0]!.attributes)).toMatchObject({
      'gen_ai.operation.name': { stringValue: 'chat' },
      'gen_ai.provider.name': { stringValue: 'node-llama-cpp' },
      'gen_ai.request.model': { stringValue: '3f2a9c1d7e0b' },
      'gen_ai.response.model': { stringValue: '3f2a9c1d7e0b' },
      'gen_ai.request.temperature': { doubleValue: 0 },
      'gen_ai.request.seed': { intValue: '7' },
      'gen_ai.request.max_tokens': { intValue: '512' },
      'gen_ai.usage.input_tokens': { intValue: '412' },
      'gen_ai.usage.output_tokens': { intValue: '57' },
      'gen_ai.response.finish_reasons': { arrayValue: { values: [{ stringValue: 'stop' }] } },
      'cairn.run.id': { stringValue: 'run-1' },
      'cairn.pass.id': { stringValue: 'clarify' },
      'cairn.work_item.id': { stringValue: 'feat-offline-review' },
      'cairn.cache_key': { stringValue: envelopes[0]!.cacheKey },
      'cairn.model.sha256': { stringValue: envelopes[0]!.model.sha256 },
      'cairn.usage.cached_input_tokens': { intValue: '128' },
      'cairn.cost.amount': { doubleValue: 0 },
    });
    // Unknown values are left out rather than sent as empty strings.
    expect(attrs(spans[0]!.attributes)['gen_ai.request.top_p']).toBeUndefined();
    expect(attrs(spans[3]!.attributes)['cairn.run.id']).toBeUndefined();
  });

  it('marks a call whose output could not be used as an error, and names the resolved remote model', () => {
    const s = spans[2]!;
    expect(s.status).toEqual({ code: STATUS_CODE_ERROR, message: remote.error });
    expect(spans[0]!.status).toBeUndefined();
    expect(attrs(s.attributes)).toMatchObject({
      'gen_ai.provider.name': { stringValue: 'openai' },
      'gen_ai.request.model': { stringValue: 'gpt-4.1' },
      'gen_ai.response.model': { stringValue: 'gpt-4.1-2025-04-14' },
      'error.type': { stringValue: '_OTHER' },
      'cairn.cost.amount': { doubleValue: 0.0123 },
      'cairn.cost.price_table': { stringValue: '2026-11-22' },
    });
  });
});
