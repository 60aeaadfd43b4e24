// `cairn replay`, `cairn rerun` and `cairn export-traces`, run as a user runs them (the real
// CLI in its own process) on a data folder where a call was recorded as the engine records it:
// through the LocalModelPort on the tiny GGUF model, built into an envelope and saved.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { ModelsService } from '../../../electron/services/models/models-service.ts';
import { LocalModelPort } from '../../../electron/services/records/local-model-port.ts';
import { RecordStore } from '../../../electron/services/records/record-store.ts';
import { openDatabase } from '../../../electron/services/store/database.ts';
import { ModelRegistryStore } from '../../../electron/services/store/model-registry-store.ts';
import { buildEnvelope } from '../../../workflows/records/build-envelope.ts';
import { cacheKey } from '../../../workflows/records/cache-key.ts';
import type { Envelope } from '../../../workflows/records/envelope.ts';
import type { OtlpTraces } from '../../../workflows/records/otlp-export.ts';
import { sampleEnvelope } from '../../support/envelopes.ts';
import { runProcess } from '../../support/run-process.ts';
import { writeTinyGguf } from '../../support/tiny-gguf.ts';
import { tempDir } from '../../support/temp-dir.ts';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const dir = tempDir('cairn-cli-records-');
const dataDir = path.join(dir, 'data');
const SOURCE_ID = 'c0ffee00-1111-4000-8000-000000000001';
let source: Envelope;
let otherModel: string;

const cairn = (...args: string[]) =>
  runProcess(
    process.execPath,
    [path.join(REPO, 'bin/cairn.mjs'), ...args, '--data-dir', dataDir],
    dir,
  );

const SCHEMA = {
  type: 'object',
  properties: { testable: { type: 'boolean' }, priority: { enum: ['P1', 'P2', 'P3'] } },
  required: ['testable', 'priority'],
};

beforeAll(async () => {
  const db = openDatabase(dataDir);
  const models = new ModelsService({
    registry: new ModelRegistryStore(db),
    dataDir,
    gpu: false,
    contextSize: 2048,
  });
  try {
    const first = await models.importFile(writeTinyGguf({ seed: 1 }, dir));
    const second = await models.importFile(writeTinyGguf({ seed: 2, name: 'tiny-two' }, dir));
    otherModel = second.record.id;
    const port = new LocalModelPort(models, first.record.id, { threads: 1 });
    const request = {
      messages: [
        { role: 'system' as const, content: 'Classify the requirement.\nAnswer in JSON.' },
        {
          role: 'user' as const,
          content: 'REQ-7KQ2M1: When offline, the system shall queue comments.',
        },
      ],
      jsonSchema: SCHEMA,
      maxTokens: 40,
      temperature: 0,
      topP: null,
      seed: 5,
    };
    const identity = await port.describe();
    const result = await port.generate(request);
    source = buildEnvelope({
      id: SOURCE_ID,
      createdAt: '2026-11-20T10:00:00.000Z',
      runId: 'run-a',
      passId: 'classify',
      workItemId: 'feat-offline',
      request,
      schemaName: 'classification',
      identity,
      result,
      error: null,
      cost: { currency: 'USD', amount: 0, priceTable: null },
      cacheKey: cacheKey(request, identity),
      retrieved: [
        {
          path: 'specs/offline/requirements.md',
          commit: 'abc1234',
          sha256: 'cd'.repeat(32),
          section: 'Requirements',
        },
      ],
    });
    const records = new RecordStore(db);
    records.save(source);
    records.save(
      sampleEnvelope({
        id: 'c0ffee00-2222-4000-8000-000000000002',
        runId: 'run-b',
        createdAt: '2026-11-21T08:00:00.000Z',
      }),
    );
  } finally {
    models.close();
    db.close();
  }
});

describe('cairn replay', () => {
  it('shows the recorded call exactly: model, parameters, every message, chunks, output, tokens, cost', async () => {
    const { code, stdout } = await cairn('replay', 'c0ffee00-1111');
    expect(code).toBe(0);
    const text = stdout;
    expect(text).toContain(`Call ${SOURCE_ID} (generation), recorded 2026-11-20T10:00:00.000Z`);
    expect(text).toContain('Run run-a, pass classify, work item feat-offline');
    expect(text).toContain(`SHA-256 ${source.model.sha256}`);
    expect(text).toContain(`seed 5, temperature 0, top-p -, max tokens 40`);
    expect(text).toContain(
      '----- message 1 of 2: system -----\nClassify the requirement.\nAnswer in JSON.\n----- message 2 of 2: user -----',
    );
    expect(text).toContain('specs/offline/requirements.md § Requirements at abc1234');
    expect(text).toContain(`\n${source.output.text}\n----- end of output -----`);
    expect(text).toContain(
      `Tokens: input ${source.tokens.input} (cached ${source.tokens.cachedInput}, cache write 0), output ${source.tokens.output}`,
    );
    expect(text).toContain('Cost: 0 USD (no charge)');
  });

  it('prints the envelope itself as JSON', async () => {
    const { code, stdout } = await cairn('replay', SOURCE_ID, '--format', 'json');
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual(source);
  });

  it('says clearly when an id is unknown or a prefix is ambiguous', async () => {
    expect(await cairn('replay', 'deadbeef')).toMatchObject({
      code: 3,
      stderr: "cairn replay: No recorded call has the id 'deadbeef'.\n",
    });
    const ambiguous = await cairn('replay', 'c0ffee00');
    expect(ambiguous.code).toBe(3);
    expect(ambiguous.stderr).toMatch(
      /'c0ffee00' is the start of 2 recorded calls \(c0ffee00-1111.*, c0ffee00-2222.*\); give more of the id/,
    );
    expect((await cairn('replay')).code).toBe(2);
    expect((await cairn('replay', 'x', '--format', 'yaml')).stderr).toMatch(
      /--format must be text or json/,
    );
  });
});

describe('cairn rerun', () => {
  it('re-runs the call on another model, records it, and compares the outputs field by field', async () => {
    const { code, stdout, stderr } = await cairn(
      'rerun',
      'c0ffee00-1',
      '--model',
      otherModel,
      '--format',
      'json',
      '--cpu',
    );
    expect(stderr).toMatch(/Re-running c0ffee00-1111.* on tiny-two/);
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as {
      source: string;
      rerun: string;
      comparison: { fields: { path: string; status: string }[] };
    };
    expect(report.source).toBe(SOURCE_ID);
    expect(report.comparison.fields.map((f) => f.path)).toEqual(['testable', 'priority']);
    for (const f of report.comparison.fields) expect(['same', 'changed']).toContain(f.status);

    const rerun = JSON.parse(
      (await cairn('replay', report.rerun, '--format', 'json')).stdout,
    ) as Envelope;
    expect(rerun).toMatchObject({
      rerunOf: SOURCE_ID,
      runId: null,
      passId: 'classify',
      messages: source.messages,
      params: { ...source.params },
      retrieved: source.retrieved,
      model: { name: otherModel, sha256: expect.stringMatching(new RegExp(`^${otherModel}`)) },
    });
    expect(rerun.cacheKey).not.toBe(source.cacheKey);

    const text = await cairn('rerun', SOURCE_ID, '--model', otherModel, '--cpu');
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(new RegExp(`^Recorded ${SOURCE_ID}: node-llama-cpp `));
    expect(text.stdout).toMatch(
      /(The outputs are identical\.|\d+ changed, \d+ added, \d+ removed, \d+ the same; text similarity \d\.\d\d)/,
    );
    expect(text.stdout).toMatch(/\n {2}(same|changed) +testable/);
  });

  it('refuses an unknown model or a missing --model, and sends nothing', async () => {
    const before = JSON.parse((await cairn('export-traces')).stdout) as OtlpTraces;
    const unknown = await cairn('rerun', SOURCE_ID, '--model', 'nope');
    expect(unknown.code).toBe(3);
    expect(unknown.stderr).toMatch(/^cairn rerun: No model 'nope' is registered/);
    expect(await cairn('rerun', SOURCE_ID)).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/--model/),
    });
    const after = JSON.parse((await cairn('export-traces')).stdout) as OtlpTraces;
    expect(after.resourceSpans[0]!.scopeSpans[0]!.spans).toHaveLength(
      before.resourceSpans[0]!.scopeSpans[0]!.spans.length,
    );
  });

  it('refuses to run with a broken prices.yaml in the data folder, naming the file and line', async () => {
    const file = path.join(dataDir, 'prices.yaml');
    fs.writeFileSync(file, "version: '1'\ncurrency: dollars\nmodels: {}\n");
    try {
      const result = await cairn('rerun', SOURCE_ID, '--model', otherModel, '--cpu');
      expect(result.code).toBe(3);
      expect(result.stderr).toContain(`${file}:2: currency: must be an ISO 4217 code such as USD`);
    } finally {
      fs.rmSync(file);
    }
  });
});

describe('cairn export-traces', () => {
  it('writes OTLP JSON of every call to standard output, oldest first', async () => {
    const { code, stdout } = await cairn('export-traces');
    expect(code).toBe(0);
    const spans = (JSON.parse(stdout) as OtlpTraces).resourceSpans[0]!.scopeSpans[0]!.spans;
    expect(spans.length).toBeGreaterThanOrEqual(2);
    const first = spans[0]!;
    const attribute = (key: string) => first.attributes.find((a) => a.key === key)?.value;
    expect(attribute('cairn.call.id')).toEqual({ stringValue: SOURCE_ID });
    expect(attribute('gen_ai.request.model')).toEqual({ stringValue: source.model.name });
    expect(attribute('gen_ai.usage.output_tokens')).toEqual({
      intValue: String(source.tokens.output),
    });
  });

  it('filters by run and time, and writes a file when asked', async () => {
    const spansOf = (stdout: string) =>
      (JSON.parse(stdout) as OtlpTraces).resourceSpans[0]!.scopeSpans[0]!.spans;
    const byRun = await cairn('export-traces', '--run', 'run-b');
    expect(spansOf(byRun.stdout)).toHaveLength(1);
    const future = await cairn('export-traces', '--since', '2100-01-01');
    expect(future.code).toBe(0);
    expect(spansOf(future.stdout)).toHaveLength(0);

    const out = await cairn('export-traces', '--run', 'run-a', '--out', 'traces/run-a.json');
    expect(out).toMatchObject({ code: 0, stdout: '' });
    const file = path.join(dir, 'traces/run-a.json');
    expect(out.stderr).toBe(`Wrote 1 span to ${file}.\n`);
    const written = spansOf(fs.readFileSync(file, 'utf8'));
    expect(written).toHaveLength(1);
    expect(written[0]!.traceId).toBe(
      createHash('sha256').update('cairn-run:run-a').digest('hex').slice(0, 32),
    );
    expect(fs.readdirSync(path.dirname(file))).toEqual(['run-a.json']);
  });

  it('refuses a time that is not ISO 8601', async () => {
    expect(await cairn('export-traces', '--since', 'yesterday')).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/--since takes an ISO 8601 time/),
    });
  });
});
