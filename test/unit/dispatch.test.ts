import { describe, expect, it } from 'vitest';
import type { SpecFile } from '../../electron/ipc/contract.ts';
import { createDispatcher, type Handlers } from '../../electron/ipc/dispatch.ts';
import { CairnFailure } from '../../electron/ipc/failure.ts';

const file: SpecFile = {
  path: 'specs/a.md',
  title: 'A',
  type: 'prd',
  status: null,
  id: null,
  bytes: 10,
  modifiedAt: new Date(0).toISOString(),
  problem: null,
};

// Only the channels these tests call; the cast keeps the test independent of channels other
// features add to the contract.
function handlers(overrides: Partial<Handlers> = {}): Handlers {
  return {
    'app.info': () => {
      throw new Error('boom');
    },
    'workspace.open': ({ root }) => ({ root, name: 'ws' }),
    'workspace.listSpecs': () => ({ root: '/ws', files: [file] }),
    'workspace.readFile': ({ path }) => {
      throw new CairnFailure('not_found', `No file '${path}'`);
    },
    'workspace.scan': (_input, emit) => {
      emit({ type: 'progress', scanned: 1, found: 1 });
      emit({ type: 'done', files: [file], elapsedMs: 1 });
    },
    ...overrides,
  } as Handlers;
}

describe('the dispatcher validates before anything runs', () => {
  it('answers a valid call', async () => {
    const d = createDispatcher(handlers());
    expect(await d.invoke('workspace.listSpecs', {})).toEqual({
      ok: true,
      value: { root: '/ws', files: [file] },
    });
  });

  it('refuses an unknown channel with a typed error', async () => {
    const d = createDispatcher(handlers());
    expect(await d.invoke('fs.deleteEverything', {})).toEqual({
      ok: false,
      error: { code: 'unknown_channel', message: "Unknown channel 'fs.deleteEverything'" },
    });
    expect(await d.invoke('__proto__', {})).toMatchObject({
      ok: false,
      error: { code: 'unknown_channel' },
    });
    expect(await d.invoke('workspace.scan', {})).toMatchObject({
      ok: false,
      error: { code: 'unknown_channel' },
    });
  });

  it.each([
    ['wrong type', { root: 42 }, /root: .*expected string/i],
    ['missing field', {}, /root: .*expected string/i],
    ['extra field', { root: '/x', evil: true }, /unrecognized key/i],
    ['not an object', 'root', /expected object/i],
    ['empty root', { root: '' }, /root: .*>=1/i],
  ])('refuses invalid input (%s) and never calls the handler', async (_name, input, message) => {
    let called = false;
    const d = createDispatcher(
      handlers({
        'workspace.open': () => {
          called = true;
          return { root: '/', name: '' };
        },
      }),
    );
    const result = await d.invoke('workspace.open', input);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(!result.ok && result.error.message).toMatch(message);
    expect(called).toBe(false);
  });

  it.each(['../secrets.md', '/etc/passwd', 'specs/../../x.md', 'C:\\Windows\\win.ini', ''])(
    'refuses the workspace path %j before reading anything',
    async (path) => {
      const d = createDispatcher(handlers());
      expect(await d.invoke('workspace.readFile', { path })).toMatchObject({
        ok: false,
        error: { code: 'invalid_input' },
      });
    },
  );

  it('turns an expected failure into its code and message', async () => {
    const d = createDispatcher(handlers());
    expect(await d.invoke('workspace.readFile', { path: 'specs/x.md' })).toEqual({
      ok: false,
      error: { code: 'not_found', message: "No file 'specs/x.md'" },
    });
  });

  it('turns an unexpected exception into an internal error reply and logs it', async () => {
    const log: string[] = [];
    const d = createDispatcher(handlers(), (line) => log.push(line));
    expect(await d.invoke('app.info', {})).toEqual({
      ok: false,
      error: { code: 'internal', message: 'Unexpected error: boom' },
    });
    expect(log.join('\n')).toMatch(/'app.info' failed: Error: boom/);
  });

  it('refuses a handler reply that breaks the output schema', async () => {
    const d = createDispatcher(
      handlers({ 'workspace.open': () => ({ root: 7 }) as never }),
      () => {},
    );
    expect(await d.invoke('workspace.open', { root: '/x' })).toMatchObject({
      ok: false,
      error: { code: 'internal', message: "'workspace.open' produced an invalid reply" },
    });
  });
});

describe('subscriptions', () => {
  it('streams validated events and stops on request', async () => {
    const d = createDispatcher(handlers());
    const events: unknown[] = [];
    const started = d.subscribe('workspace.scan', {}, (e) => events.push(e));
    expect(started.ok).toBe(true);
    await new Promise((r) => setTimeout(r, 0));
    expect(events).toEqual([
      { type: 'progress', scanned: 1, found: 1 },
      { type: 'done', files: [file], elapsedMs: 1 },
    ]);
  });

  it('refuses invalid subscription input and unknown subscriptions', () => {
    const d = createDispatcher(handlers());
    expect(d.subscribe('workspace.scan', { extra: 1 }, () => {})).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    expect(d.subscribe('workspace.listSpecs', {}, () => {})).toMatchObject({
      ok: false,
      error: { code: 'unknown_channel' },
    });
  });

  it('delivers a handler failure as an error event', async () => {
    const d = createDispatcher(
      handlers({
        'workspace.scan': () => {
          throw new CairnFailure('no_workspace', 'No workspace is open.');
        },
      }),
    );
    const events: unknown[] = [];
    d.subscribe('workspace.scan', {}, (e) => events.push(e));
    await new Promise((r) => setTimeout(r, 0));
    expect(events).toEqual([
      { type: 'error', error: { code: 'no_workspace', message: 'No workspace is open.' } },
    ]);
  });

  it('emits nothing after stop', async () => {
    let emitLater: ((e: never) => void) | null = null;
    const d = createDispatcher(
      handlers({
        'workspace.scan': (_i, emit) => {
          emitLater = emit as never;
        },
      }),
    );
    const events: unknown[] = [];
    const started = d.subscribe('workspace.scan', {}, (e) => events.push(e));
    await new Promise((r) => setTimeout(r, 0));
    if (started.ok) started.value.stop();
    emitLater!({ type: 'progress', scanned: 1, found: 0 } as never);
    expect(events).toEqual([]);
  });
});
