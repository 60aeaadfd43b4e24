import { describe, expect, it } from 'vitest';
import { buildCacheHitEnvelope, buildEnvelope } from '../../../workflows/records/build-envelope.ts';
import { grammarHash } from '../../../workflows/records/cache-key.ts';
import { EnvelopeSchema } from '../../../workflows/records/envelope.ts';
import {
  CLARIFY_OUTPUT,
  CLARIFY_SCHEMA,
  clarifyEnvelopeInput,
  clarifyRequest,
  clarifyResult,
  LOCAL_IDENTITY,
  sampleEnvelope,
} from '../../support/envelopes.ts';

const input = clarifyEnvelopeInput;

describe('buildEnvelope', () => {
  it('records request, output, tokens and timings of a successful call, valid by the schema', () => {
    const envelope = buildEnvelope(input({}));
    expect(EnvelopeSchema.parse(envelope)).toEqual(envelope);
    expect(envelope).toMatchObject({
      kind: 'generation',
      error: null,
      params: {
        seed: 7,
        temperature: 0,
        maxTokens: 512,
        jsonSchema: CLARIFY_SCHEMA,
        grammarHash: grammarHash(CLARIFY_SCHEMA),
        schemaName: 'clarify-questions',
      },
      output: { json: CLARIFY_OUTPUT, stopReason: 'end' },
      tokens: { input: 412, cachedInput: 128, output: 57 },
      timings: { timeToFirstTokenMs: 84.5, loadMs: 230 },
      cachedFrom: null,
      rerunOf: null,
    });
    expect(envelope.messages).toEqual(clarifyRequest().messages);
  });

  it('records the identity the model reports having answered with', () => {
    const actual = { ...LOCAL_IDENTITY, threads: 6, gpuLayers: 12, backend: 'vulkan' };
    const envelope = buildEnvelope(input({ result: clarifyResult(CLARIFY_OUTPUT, actual) }));
    expect(envelope.model).toEqual(actual);
  });

  it('records unparsed output with its problem as the error', () => {
    const result = {
      ...clarifyResult(),
      text: '{"questions": [',
      json: undefined,
      jsonProblem: 'stopped at maxTokens before the JSON was complete',
      stopReason: 'maxTokens',
    };
    const envelope = buildEnvelope(input({ result }));
    expect(envelope.output).toEqual({
      text: '{"questions": [',
      json: null,
      stopReason: 'maxTokens',
    });
    expect(envelope.error).toBe('stopped at maxTokens before the JSON was complete');
    const zod = buildEnvelope(input({ error: 'questions[0].recommended: Required' }));
    expect(zod.error).toBe('questions[0].recommended: Required');
  });

  it('records a call that produced nothing, with the described identity and its wall time', () => {
    const envelope = buildEnvelope(
      input({ result: null, error: 'the inference worker exited (SIGKILL)', elapsedMs: 950 }),
    );
    expect(EnvelopeSchema.safeParse(envelope).success).toBe(true);
    expect(envelope).toMatchObject({
      model: LOCAL_IDENTITY,
      output: { text: '', json: null, stopReason: 'error' },
      error: 'the inference worker exited (SIGKILL)',
      tokens: { input: 0, output: 0 },
      timings: { totalMs: 950, timeToFirstTokenMs: null },
    });
    expect(() => buildEnvelope(input({ result: null, error: null }))).toThrow(/must say why/);
  });
});

describe('buildCacheHitEnvelope', () => {
  it('reuses the output and costs nothing, pointing at the call that paid', () => {
    const source = sampleEnvelope(
      { id: 'call-1' },
      { cost: { currency: 'USD', amount: 0.02, priceTable: 't1' } },
    );
    const hit = buildCacheHitEnvelope(
      {
        id: 'call-2',
        createdAt: '2026-11-21T09:00:00.000Z',
        runId: 'run-2',
        passId: 'clarify',
        workItemId: null,
      },
      source,
    );
    expect(EnvelopeSchema.safeParse(hit).success).toBe(true);
    expect(hit).toMatchObject({
      id: 'call-2',
      runId: 'run-2',
      kind: 'cache-hit',
      cachedFrom: 'call-1',
      output: source.output,
      cacheKey: source.cacheKey,
      tokens: { input: 0, output: 0 },
      cost: { amount: 0 },
    });
    const again = buildCacheHitEnvelope({ ...hit, id: 'call-3' }, hit);
    expect(again.cachedFrom).toBe('call-1');
  });
});
