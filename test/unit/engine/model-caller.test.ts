import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createModelCaller, ModelOutputError } from '../../../workflows/engine/model-caller.ts';
import type {
  ModelGenerateRequest,
  ModelGenerateResult,
  ModelPort,
} from '../../../workflows/engine/ports.ts';
import type { RecordPort } from '../../../workflows/engine/ports.ts';
import { LOCAL_IDENTITY, clarifyResult } from '../../support/envelopes.ts';
import { MemoryRecords } from './support/memory-records.ts';

const Questions = z.object({ questions: z.array(z.string()).max(5) });
const GOOD = { questions: ['How long may comments stay queued?'] };

/** A model that answers from a script (a value, or an Error to throw) and logs each call. */
function scriptedPort(log: string[], ...replies: (unknown | Error)[]) {
  const requests: ModelGenerateRequest[] = [];
  const port: ModelPort = {
    async describe() {
      return LOCAL_IDENTITY;
    },
    async generate(request): Promise<ModelGenerateResult> {
      requests.push(request);
      log.push('generate');
      const reply = replies.shift();
      if (reply instanceof Error) throw reply;
      if (reply === undefined) throw new Error('the script has no more replies');
      return clarifyResult(reply);
    },
  };
  return { port, requests };
}

function callerWith(model: ModelPort, records: RecordPort, reuse = false) {
  return createModelCaller({
    hops: [{ model, reason: 'the workspace default is local' }],
    records,
    runId: 'RUN-1',
    passId: 'clarify',
    workItemId: 'FEAT-7KQ2M1',
    reuse,
    maxTokens: 777,
    now: () => new Date('2026-01-02T03:04:05.000Z'),
  });
}

const REQUEST = {
  messages: [
    { role: 'system' as const, content: 'Ask at most five questions.' },
    { role: 'user' as const, content: 'REQ-7KQ2M1: The system shall queue comments.' },
  ],
  schema: Questions,
  schemaName: 'clarify-questions',
};

describe('createModelCaller', () => {
  it('saves the envelope before the value is returned, and returns its ID', async () => {
    const log: string[] = [];
    const records = new MemoryRecords((e) => log.push(`save ${e.kind}`));
    const { port, requests } = scriptedPort(log, GOOD);
    const answer = await callerWith(port, records).call(REQUEST);
    log.push('value returned');
    expect(log).toEqual(['generate', 'save generation', 'value returned']);
    expect(answer).toEqual({ value: GOOD, envelopeId: records.saved[0]?.id });
    expect(records.saved[0]).toMatchObject({
      runId: 'RUN-1',
      passId: 'clarify',
      workItemId: 'FEAT-7KQ2M1',
      createdAt: '2026-01-02T03:04:05.000Z',
      error: null,
      output: { json: GOOD },
      params: { schemaName: 'clarify-questions', maxTokens: 777, temperature: 0, seed: 42 },
    });
    // Decoded under the grammar of the pass's own schema.
    expect(requests[0]?.jsonSchema).toEqual(z.toJSONSchema(Questions));
  });

  it('returns no value when the envelope cannot be saved', async () => {
    const records: RecordPort = {
      save() {
        throw new Error('disk full');
      },
      findByCacheKey: () => null,
    };
    const { port } = scriptedPort([], GOOD);
    await expect(callerWith(port, records).call(REQUEST)).rejects.toThrow('disk full');
  });

  it('records a call that failed in the model, with the error, and rethrows it', async () => {
    const records = new MemoryRecords();
    const { port } = scriptedPort([], new Error('the model worker crashed'));
    await expect(callerWith(port, records).call(REQUEST)).rejects.toThrow(
      'the model worker crashed',
    );
    expect(records.saved).toHaveLength(1);
    expect(records.saved[0]).toMatchObject({
      kind: 'generation',
      error: 'the model worker crashed',
      output: { text: '', json: null, stopReason: 'error' },
      messages: REQUEST.messages,
    });
  });

  it('records output that breaks the schema and throws a ModelOutputError naming the record', async () => {
    const records = new MemoryRecords();
    const { port } = scriptedPort([], { questions: 'not a list' });
    const error = await callerWith(port, records)
      .call(REQUEST)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ModelOutputError);
    const saved = records.saved[0]!;
    expect((error as ModelOutputError).envelopeId).toBe(saved.id);
    expect((error as Error).message).toContain(`(record ${saved.id})`);
    expect((error as Error).message).toContain("'clarify-questions'");
    expect(saved.error).toMatch(/^questions: /);
    expect(saved.output.json).toEqual({ questions: 'not a list' });
  });

  it('answers from a recorded call when reuse is allowed: a cache-hit pointing at it, no model call', async () => {
    const log: string[] = [];
    const records = new MemoryRecords();
    const { port } = scriptedPort(log, GOOD);
    const first = await callerWith(port, records).call(REQUEST);
    const again = await callerWith(port, records, true).call(REQUEST);
    expect(log).toEqual(['generate']);
    expect(again.value).toEqual(GOOD);
    expect(again.envelopeId).not.toBe(first.envelopeId);
    expect(records.saved.map((e) => e.kind)).toEqual(['generation', 'cache-hit']);
    expect(records.saved[1]).toMatchObject({
      id: again.envelopeId,
      cachedFrom: first.envelopeId,
      cacheKey: records.saved[0]?.cacheKey,
      tokens: { input: 0, output: 0 },
      cost: { amount: 0 },
    });
  });

  it('calls the model again when reuse is off, or when the request differs', async () => {
    const log: string[] = [];
    const records = new MemoryRecords();
    const other = { questions: ['Who sees queued comments?'] };
    const { port } = scriptedPort(log, GOOD, other, other);
    await callerWith(port, records).call(REQUEST);
    expect((await callerWith(port, records, false).call(REQUEST)).value).toEqual(other);
    const changed = {
      ...REQUEST,
      messages: [
        ...REQUEST.messages.slice(0, 1),
        { role: 'user' as const, content: 'REQ-2: other' },
      ],
    };
    expect((await callerWith(port, records, true).call(changed)).value).toEqual(other);
    expect(log).toEqual(['generate', 'generate', 'generate']);
    expect(records.saved.map((e) => e.kind)).toEqual(['generation', 'generation', 'generation']);
  });

  it('does not reuse a recorded call whose output was unusable', async () => {
    const log: string[] = [];
    const records = new MemoryRecords();
    const { port } = scriptedPort(log, { questions: 'not a list' }, GOOD);
    await expect(callerWith(port, records, true).call(REQUEST)).rejects.toThrow(ModelOutputError);
    expect((await callerWith(port, records, true).call(REQUEST)).value).toEqual(GOOD);
    expect(log).toEqual(['generate', 'generate']);
  });
});
