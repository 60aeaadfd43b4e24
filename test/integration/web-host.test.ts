import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LATEST_SCHEMA_VERSION } from '../../electron/services/store/migrations.ts';
import type { ScanEvent } from '../../electron/ipc/contract.ts';
import type { Core } from '../../electron/services/core.ts';
import type { WebHost } from '../../electron/web/server.ts';
import { tempDir } from '../support/temp-dir.ts';
import { exchange, get, invoke, openSocket, startTestHost } from '../support/web-host.ts';

// A stand-in build of the renderer: these tests are about the host, not the UI.
const staticDir = tempDir('cairn-ui-');
fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Cairn</title>');

let host: WebHost;
let core: Core;
let origin: string;

beforeAll(async () => {
  ({ host, core } = await startTestHost(staticDir));
  origin = `http://127.0.0.1:${host.port}`;
});
afterAll(async () => {
  await host.close();
  core.close();
});

describe('the web host over HTTP', () => {
  it('listens on 127.0.0.1 only', () => {
    expect(host.url).toMatch(
      new RegExp(`^http://127\\.0\\.0\\.1:${host.port}/\\?token=[\\w-]{32}$`),
    );
  });

  it('refuses a request without the token, saying how to get in', async () => {
    const res = await get(host.port, '/');
    expect(res.status).toBe(401);
    expect(res.body).toMatch(/Open the full URL it printed/);
    expect(res.body).not.toContain(host.token);
  });

  it('refuses a wrong token', async () => {
    expect((await get(host.port, '/?token=wrong')).status).toBe(401);
    expect((await get(host.port, '/', { authorization: 'Bearer wrong' })).status).toBe(401);
  });

  it('trades the URL token for an HttpOnly cookie and drops it from the URL', async () => {
    const res = await get(host.port, `/?token=${host.token}`);
    expect(res.status).toBe(302);
    expect(res.headers.location).toBe('/');
    expect(res.headers['set-cookie']?.[0]).toMatch(/HttpOnly; SameSite=Strict/);
    const cookie = res.headers['set-cookie']![0]!.split(';')[0]!;
    const page = await get(host.port, '/', { cookie });
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>Cairn</title>');
    expect(page.headers['content-security-policy']).toMatch(/script-src 'self'/);
  });

  it('refuses a foreign Host header (DNS rebinding), even with the token', async () => {
    const res = await get(host.port, `/?token=${host.token}`, {
      host: `evil.example:${host.port}`,
    });
    expect(res.status).toBe(403);
  });

  it('serves only GET', async () => {
    const res = await fetch(`${origin}/`, {
      method: 'POST',
      headers: { authorization: `Bearer ${host.token}` },
    });
    expect(res.status).toBe(405);
  });
});

describe('the web host’s WebSocket', () => {
  it('refuses a socket without the token', async () => {
    await expect(openSocket(host.port, { origin })).rejects.toThrow('HTTP 401');
  });

  it('refuses a socket from another origin, even with the token', async () => {
    await expect(
      openSocket(host.port, { origin: 'https://evil.example', token: host.token }),
    ).rejects.toThrow('HTTP 403');
    await expect(openSocket(host.port, { token: host.token })).rejects.toThrow('HTTP 403');
  });

  it('answers contract calls from the app’s own origin with the session cookie', async () => {
    const ws = await openSocket(host.port, {
      origin,
      cookie: `cairn_token_${host.port}=${host.token}`,
    });
    const result = await invoke(ws, 1, 'workspace.listSpecs', {});
    expect(
      result.ok && (result.value as { files: { path: string }[] }).files.map((f) => f.path),
    ).toContain('specs/offline-review/requirements.md');
    const info = await invoke(ws, 2, 'app.info', {});
    expect(info).toMatchObject({
      ok: true,
      value: { name: 'Cairn', host: 'web', schemaVersion: LATEST_SCHEMA_VERSION },
    });
    ws.close();
  });

  it('answers invalid payloads with typed errors and keeps serving', async () => {
    const ws = await openSocket(host.port, { origin, token: host.token });
    expect(await exchange(ws, 'not json')).toMatchObject({
      type: 'error',
      error: { code: 'invalid_input' },
    });
    expect(await exchange(ws, JSON.stringify({ type: 'invoke', id: 'x' }))).toMatchObject({
      type: 'error',
      error: { code: 'invalid_input' },
    });
    expect(
      await invoke(ws, 3, 'workspace.readFile', { path: '../../../etc/passwd' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    expect(await invoke(ws, 4, 'workspace.readFile', { path: 42 })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', issues: [expect.stringMatching(/^path: /)] },
    });
    expect(await invoke(ws, 5, 'system.exec', { cmd: 'rm -rf /' })).toMatchObject({
      ok: false,
      error: { code: 'unknown_channel' },
    });
    const still = await invoke(ws, 6, 'workspace.readFile', {
      path: 'specs/offline-review/prd.md',
    });
    expect(still.ok && (still.value as { text: string }).text).toMatch(
      /Offline review of shared notes/,
    );
    ws.close();
  });

  it('streams a subscription’s events and ends with the result', async () => {
    const ws = await openSocket(host.port, { origin, token: host.token });
    const events: ScanEvent[] = [];
    const done = new Promise<void>((resolve) => {
      ws.on('message', (data: Buffer) => {
        const message = JSON.parse(data.toString());
        if (message.type === 'event') {
          events.push(message.event);
          if (message.event.type === 'done') resolve();
        }
      });
    });
    ws.send(JSON.stringify({ type: 'subscribe', id: 7, channel: 'workspace.scan', input: {} }));
    await done;
    expect(events[0]).toMatchObject({ type: 'progress' });
    const last = events.at(-1);
    expect(last?.type === 'done' && last.files.length).toBe(5);
    ws.close();
  });
});

describe('specs.lint over the socket', () => {
  it('returns the sample workspace’s findings with ranges, as cairn lint prints them', async () => {
    const ws = await openSocket(host.port, { origin, token: host.token });
    const result = await invoke(ws, 20, 'specs.lint', {});
    expect(result.ok).toBe(true);
    const report = (
      result as {
        value: {
          findings: { ruleId: string; path: string; range: { start: { line: number } } }[];
          counts: object;
        };
      }
    ).value;
    expect(report.counts).toEqual({ error: 1, warning: 4, info: 1 });
    expect(report.findings.map((f) => `${f.ruleId} ${f.path}:${f.range.start.line}`)).toEqual([
      'SPEC-001 specs/offline-review/prd.md:45',
      'EARS-004 specs/offline-review/requirements.md:47',
      'EARS-006 specs/offline-review/requirements.md:47',
      'SPEC-002 specs/offline-review/requirements.md:65',
      'EARS-008 specs/offline-review/requirements.md:67',
      'SPEC-006 specs/offline-review/tasks.md:25',
    ]);
    expect(await invoke(ws, 21, 'specs.lint', { strict: 'yes' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    ws.close();
  });
});
