import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../../../electron/cli/command.ts';
import { EXIT } from '../../../electron/cli/exit-codes.ts';
import { runCli } from '../../../electron/cli/main.ts';
import { writeTinyGguf } from '../../support/tiny-gguf.ts';

let dir: string;
let dataDir: string;
let tiny: string;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cairn-cli-models-'));
  dataDir = path.join(dir, 'data');
  tiny = writeTinyGguf({}, dir);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function cairn(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    out: (line) => out.push(line),
    err: (line) => err.push(line),
    env: {},
    cwd: dir,
    stopped: new Promise(() => {}),
  };
  const code = await runCli(['models', ...args, '--data-dir', dataDir], io);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('cairn models', () => {
  it('rejects a wrong command line with exit code 2 and says what is wrong', async () => {
    expect(await cairn()).toMatchObject({
      code: EXIT.usage,
      err: expect.stringMatching(/say what to do: list, import/),
    });
    expect(await cairn('frobnicate')).toMatchObject({
      code: EXIT.usage,
      err: expect.stringMatching(/unknown subcommand 'frobnicate'/),
    });
    expect(await cairn('import')).toMatchObject({
      code: EXIT.usage,
      err: expect.stringMatching(/models import takes a \.gguf file, got 0 arguments/),
    });
    expect(await cairn('list', 'extra')).toMatchObject({ code: EXIT.usage });
    expect(await cairn('list', '--format', 'xml')).toMatchObject({
      code: EXIT.usage,
      err: expect.stringMatching(/--format must be text or json/),
    });
    expect(await cairn('bench', 'abc', '--threads', '0,2')).toMatchObject({
      code: EXIT.usage,
      err: expect.stringMatching(/--threads takes whole numbers/),
    });
    expect(await cairn('list', '--bogus')).toMatchObject({ code: EXIT.usage });
  });

  it('starts with an empty list', async () => {
    expect(await cairn('list')).toMatchObject({
      code: EXIT.ok,
      out: expect.stringMatching(/^No models registered yet/),
    });
  });

  it('refuses files that are not models with exit code 3 and a clear message', async () => {
    const text = path.join(dir, 'readme.gguf');
    fs.writeFileSync(text, '# not a model\n');
    expect(await cairn('import', text)).toEqual({
      code: EXIT.failure,
      out: '',
      err: `cairn models: ${text} is not a GGUF model: it is a text file, not a model.`,
    });
    expect((await cairn('import', path.join(dir, 'nope.gguf'))).err).toMatch(/does not exist/);
  });

  it('imports a model and lists it, as text and as JSON', async () => {
    const imported = await cairn('import', tiny);
    expect(imported.code).toBe(EXIT.ok);
    expect(imported.out).toMatch(
      /^Registered cairn-tiny-64x2 as [0-9a-f]{12}\n {2}llama, F32, .* parameters\n {2}SHA-256 [0-9a-f]{64}\n/,
    );
    const again = await cairn('import', tiny);
    expect(again.out).toMatch(/^Already registered/);
    const listed = await cairn('list', '--format', 'json');
    const models = JSON.parse(listed.out) as { path: string; summary: { name: string } }[];
    expect(models).toHaveLength(1);
    expect(models[0]).toMatchObject({ path: tiny, summary: { name: 'cairn-tiny-64x2' } });
  });

  it('shows the catalog with fit estimates', async () => {
    const { code, out } = await cairn('catalog', '--cpu', '--format', 'json');
    expect(code).toBe(EXIT.ok);
    const items = JSON.parse(out) as { entry: { id: string }; fit: { verdict: string } }[];
    expect(items.map((i) => i.entry.id)).toContain('qwen2.5-1.5b-instruct-q4_k_m');
    for (const item of items)
      expect(['gpu', 'partial-gpu', 'cpu', 'tight', 'too-large']).toContain(item.fit.verdict);
  });

  it('fails clearly on unknown models and catalog ids', async () => {
    expect(await cairn('bench', 'abcdef123456', '--cpu')).toMatchObject({
      code: EXIT.failure,
      err: expect.stringMatching(/No model 'abcdef123456' is registered/),
    });
    expect(await cairn('download', 'no-such-model', '--cpu')).toMatchObject({
      code: EXIT.failure,
      err: expect.stringMatching(/The catalog has no model 'no-such-model'/),
    });
  });

  it('benchmarks thread counts for a model and keeps the best', async () => {
    const id = (JSON.parse((await cairn('list', '--format', 'json')).out) as { id: string }[])[0]!
      .id;
    const { code, out, err } = await cairn(
      'bench',
      id,
      '--cpu',
      '--threads',
      '1',
      '--repeats',
      '1',
    );
    expect(err).toMatch(/Measuring thread counts for cairn-tiny-64x2/);
    expect(code).toBe(EXIT.ok);
    expect(out).toMatch(
      /threads {2}prefill tok\/s {2}decode tok\/s {2}workload ms\n {6}1 +\d+\.\d +\d+\.\d +\d+\.\d\nChosen: 1 thread \(the fastest workload\); saved/,
    );
  });

  it('removes models: deletes a file in its models folder, leaves an imported one on disk', async () => {
    expect(await cairn('remove')).toMatchObject({
      code: EXIT.usage,
      err: expect.stringMatching(/models remove takes a model id, got 0 arguments/),
    });
    expect(await cairn('remove', 'abcdef123456')).toMatchObject({
      code: EXIT.failure,
      err: expect.stringMatching(/No model 'abcdef123456' is registered, so nothing was removed/),
    });

    const imported = (
      JSON.parse((await cairn('list', '--format', 'json')).out) as { id: string }[]
    )[0]!;
    const kept = await cairn('remove', imported.id);
    expect(kept.code).toBe(EXIT.ok);
    expect(kept.out).toBe(
      `Removed cairn-tiny-64x2 (${imported.id}) from the list. Its file was not deleted: ${tiny} is outside Cairn's models folder (${path.join(dataDir, 'models')}); delete it yourself if you no longer need it.`,
    );
    expect(fs.existsSync(tiny)).toBe(true);

    const inFolder = path.join(dataDir, 'models', 'placed.gguf');
    fs.mkdirSync(path.dirname(inFolder), { recursive: true });
    fs.copyFileSync(tiny, inFolder);
    await cairn('import', inFolder);
    const removed = await cairn('remove', imported.id, '--format', 'json');
    expect(JSON.parse(removed.out)).toMatchObject({ model: { path: inFolder }, file: 'deleted' });
    expect(fs.existsSync(inFolder)).toBe(false);
    expect((await cairn('list')).out).toMatch(/^No models registered yet/);
  });
});
