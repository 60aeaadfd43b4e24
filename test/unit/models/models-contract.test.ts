import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDispatcher, type Dispatcher } from '../../../electron/ipc/dispatch.ts';
import { createHandlers } from '../../../electron/ipc/handlers.ts';
import { Core } from '../../../electron/services/core.ts';
import { writeTinyGguf } from '../../support/tiny-gguf.ts';

let dir: string;
let core: Core;
let dispatcher: Dispatcher;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cairn-models-contract-'));
  core = new Core({ dataDir: dir, host: 'web', version: '0.0.0-test', models: { gpu: false } });
  dispatcher = createDispatcher(createHandlers(core));
});
afterEach(() => {
  core.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function firstEvent(channel: string, input: unknown): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const started = dispatcher.subscribe(channel, input, resolve);
    if (!started.ok) reject(new Error(JSON.stringify(started.error)));
  });
}

describe('models.* channels', () => {
  it('validate input before any handler runs', async () => {
    const relative = await dispatcher.invoke('models.import', { path: 'models/m.gguf' });
    expect(relative).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', issues: ['path: must be an absolute path to a .gguf file'] },
    });
    expect(await dispatcher.invoke('models.import', { path: '/m.gguf', copy: true })).toMatchObject(
      {
        ok: false,
        error: { code: 'invalid_input' },
      },
    );
    expect(await dispatcher.invoke('models.calibrate', { modelId: 'ZZZ' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    expect(
      dispatcher.subscribe(
        'models.generate',
        { modelId: 'abcdef', messages: [], maxTokens: 5 },
        () => {},
      ),
    ).toMatchObject({
      ok: false,
      error: {
        code: 'invalid_input',
        issues: ['messages: Too small: expected array to have >=1 items'],
      },
    });
    expect(
      dispatcher.subscribe(
        'models.generate',
        { modelId: 'abcdef', messages: [{ role: 'user', content: 'x' }], maxTokens: 0 },
        () => {},
      ),
    ).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(
      dispatcher.subscribe('models.download', { catalogId: '../../etc/passwd' }, () => {}),
    ).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
  });

  it('lists an empty registry', async () => {
    expect(await dispatcher.invoke('models.list', {})).toEqual({ ok: true, value: { models: [] } });
  });

  it('say clearly why a file cannot be imported, and register nothing', async () => {
    const text = path.join(dir, 'notes.gguf');
    fs.writeFileSync(text, 'just some notes\n');
    expect(await dispatcher.invoke('models.import', { path: text })).toEqual({
      ok: false,
      error: {
        code: 'invalid_input',
        message: `${text} is not a GGUF model: it is a text file, not a model.`,
      },
    });
    expect(
      await dispatcher.invoke('models.import', { path: path.join(dir, 'missing.gguf') }),
    ).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: expect.stringMatching(/does not exist/) },
    });
    expect(core.models.list()).toEqual([]);
  });

  it('answer unknown models with not_found, without starting the inference worker', async () => {
    expect(await dispatcher.invoke('models.calibrate', { modelId: 'abcdef123456' })).toMatchObject({
      ok: false,
      error: {
        code: 'not_found',
        message: expect.stringMatching(/No model 'abcdef123456' is registered/),
      },
    });
    expect(
      await firstEvent('models.generate', {
        modelId: 'abcdef123456',
        messages: [{ role: 'user', content: 'hi' }],
        maxTokens: 4,
      }),
    ).toMatchObject({
      type: 'error',
      error: { code: 'not_found' },
    });
    expect(await firstEvent('models.download', { catalogId: 'no-such-model' })).toMatchObject({
      type: 'error',
      error: {
        code: 'not_found',
        message: expect.stringMatching(/The catalog has no model 'no-such-model'/),
      },
    });
    expect(await dispatcher.invoke('models.remove', { modelId: 'abcdef123456' })).toMatchObject({
      ok: false,
      error: {
        code: 'not_found',
        message: expect.stringMatching(
          /No model 'abcdef123456' is registered, so nothing was removed/,
        ),
      },
    });
    expect(core.models.workerPid).toBeNull();
  });

  it('remove an imported model from the list and leave its file where it was', async () => {
    const file = writeTinyGguf({}, dir);
    const imported = await dispatcher.invoke('models.import', { path: file });
    if (!imported.ok) throw new Error(imported.error.message);
    const { id } = (imported.value as { model: { id: string } }).model;
    expect(await dispatcher.invoke('models.remove', { modelId: id })).toMatchObject({
      ok: true,
      value: { model: { id, path: file }, file: 'kept' },
    });
    expect(fs.existsSync(file)).toBe(true);
    expect(await dispatcher.invoke('models.list', {})).toEqual({ ok: true, value: { models: [] } });
    expect(await dispatcher.invoke('models.remove', { modelId: 'not-hex' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
  });
});
