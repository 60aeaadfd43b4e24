// The editor's channels over a real core and a copy of the sample workspace on disk: search
// that follows saves and outside edits, saving that never clobbers a change made elsewhere,
// references of a requirement, and the live linter's context.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { EventOf, OutputOf, Result } from '../../electron/ipc/contract.ts';
import { createDispatcher } from '../../electron/ipc/dispatch.ts';
import { createHandlers } from '../../electron/ipc/handlers.ts';
import { Core } from '../../electron/services/core.ts';
import { lintDocument } from '../../workflows/lint/lint-document.ts';
import { SAMPLE_WORKSPACE, tempDir } from '../support/temp-dir.ts';

const root = fs.realpathSync(tempDir('cairn-editor-ws-'));
fs.cpSync(SAMPLE_WORKSPACE, root, { recursive: true });
const core = new Core({
  dataDir: tempDir('cairn-editor-data-'),
  host: 'web',
  version: '0',
  workspace: root,
});
const dispatcher = createDispatcher(createHandlers(core));
afterAll(() => core.close());

type Channel =
  | 'workspace.search'
  | 'workspace.writeFile'
  | 'workspace.references'
  | 'workspace.lintContext'
  | 'workspace.readFile';

async function call<K extends Channel>(channel: K, input: unknown): Promise<Result<OutputOf<K>>> {
  return (await dispatcher.invoke(channel, input)) as Result<OutputOf<K>>;
}

async function value<K extends Channel>(channel: K, input: unknown): Promise<OutputOf<K>> {
  const result = await call(channel, input);
  if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
  return result.value;
}

const REQS = 'specs/offline-review/requirements.md';

describe('workspace.search', () => {
  it('finds the line of a word in the specs', async () => {
    const { hits } = await value('workspace.search', { query: 'readable copy' });
    expect(hits.map((h) => `${h.path}:${h.line}`)).toContain(`${REQS}:19`);
  });

  it('sees a save at once', async () => {
    const opened = await value('workspace.readFile', { path: REQS });
    const text = opened.text.replace('30 seconds.', '30 seconds, encrypted with zircon keys.');
    await value('workspace.writeFile', { path: REQS, text, expectedVersion: opened.version });
    const { hits } = await value('workspace.search', { query: 'zircon' });
    expect(hits.map((h) => `${h.path}:${h.line}`)).toEqual([`${REQS}:20`]);
  });
});

describe('the index without a watcher (the Workspace view closed)', () => {
  it('sees a change made on disk at its next use', async () => {
    await value('workspace.search', { query: 'anything' });
    fs.appendFileSync(path.join(root, 'specs/offline-review/prd.md'), '\nThe platypus metric.\n');
    await new Promise((r) => setTimeout(r, 1100));
    const { hits } = await value('workspace.search', { query: 'platypus' });
    expect(hits.map((h) => h.path)).toEqual(['specs/offline-review/prd.md']);
  });

  it('gives specs.lint the same findings as cairn lint, from the same parse', async () => {
    const result = (await dispatcher.invoke('specs.lint', {})) as Result<OutputOf<'specs.lint'>>;
    const { lintFolder } = await import('../../electron/services/specs/lint-folder.ts');
    const cli = await lintFolder(root);
    expect(result.ok && result.value.findings).toEqual(cli.result.findings);
  });
});

describe('workspace.writeFile', () => {
  it('saves atomically and returns the new version', async () => {
    const opened = await value('workspace.readFile', { path: REQS });
    const text = opened.text + '\n<!-- reviewed -->\n';
    const saved = await value('workspace.writeFile', {
      path: REQS,
      text,
      expectedVersion: opened.version,
    });
    expect(fs.readFileSync(path.join(root, REQS), 'utf8')).toBe(text);
    expect((await value('workspace.readFile', { path: REQS })).version).toBe(saved.version);
    expect(
      fs.readdirSync(path.join(root, 'specs/offline-review')).filter((f) => f.endsWith('.tmp')),
    ).toEqual([]);
  });

  it('refuses to save over a change made on disk since the file was opened, unless told to', async () => {
    const opened = await value('workspace.readFile', { path: REQS });
    fs.appendFileSync(path.join(root, REQS), '\nEdited in another editor.\n');
    const refused = await call('workspace.writeFile', {
      path: REQS,
      text: 'mine',
      expectedVersion: opened.version,
    });
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.error.code).toBe('conflict');
      expect(refused.error.message).toMatch(
        /changed on disk since you opened it.*Reload.*overwrite/,
      );
    }
    expect(fs.readFileSync(path.join(root, REQS), 'utf8')).toContain('Edited in another editor.');
    await value('workspace.writeFile', {
      path: REQS,
      text: opened.text,
      expectedVersion: opened.version,
      overwrite: true,
    });
    expect(fs.readFileSync(path.join(root, REQS), 'utf8')).toBe(opened.text);
  });

  it('creates a new spec only where none exists, and never outside the workspace or beyond Markdown', async () => {
    const created = await call('workspace.writeFile', {
      path: 'specs/new/prd.md',
      text: '# New\n',
      expectedVersion: null,
    });
    expect(created.ok).toBe(true);
    const again = await call('workspace.writeFile', {
      path: 'specs/new/prd.md',
      text: '# Other\n',
      expectedVersion: null,
    });
    expect(again.ok ? null : again.error.code).toBe('conflict');
    const escape = await call('workspace.writeFile', {
      path: '../outside.md',
      text: 'x',
      expectedVersion: null,
    });
    expect(escape.ok ? null : escape.error.code).toBe('invalid_input');
    const code = await call('workspace.writeFile', {
      path: 'src/review/outbox.ts',
      text: 'x',
      expectedVersion: null,
      overwrite: true,
    });
    expect(code.ok ? null : code.error.code).toBe('forbidden');
    expect(fs.readFileSync(path.join(root, 'src/review/outbox.ts'), 'utf8')).toContain('Outbox');
  });
});

describe('workspace.changes', () => {
  it('reports a spec changed on disk, after the index has taken it in', async () => {
    const events: EventOf<'workspace.changes'>[] = [];
    const sub = dispatcher.subscribe('workspace.changes', {}, (e) =>
      events.push(e as EventOf<'workspace.changes'>),
    );
    expect(sub.ok).toBe(true);
    await expect.poll(() => events.some((e) => e.type === 'ready')).toBe(true);
    // Give the Linux watchers a moment to be in place before the edit.
    await new Promise((r) => setTimeout(r, 300));
    fs.appendFileSync(path.join(root, 'specs/offline-review/design.md'), '\nThe quokka table.\n');
    await expect
      .poll(() => events.find((e) => e.type === 'changed'), { timeout: 10_000 })
      .toMatchObject({ type: 'changed', paths: ['specs/offline-review/design.md'] });
    const { hits } = await value('workspace.search', { query: 'quokka' });
    expect(hits.map((h) => h.path)).toEqual(['specs/offline-review/design.md']);
    if (sub.ok) sub.value.stop();
  });
});

describe('workspace.references', () => {
  it('follows a requirement to its scenarios, tasks, code and tests, with lines', async () => {
    const refs = await value('workspace.references', { id: 'REQ-9F3TXA' });
    expect(refs.declarations.map((d) => [d.path, d.line, d.title])).toEqual([
      [REQS, 33, 'Keep offline comments'],
    ]);
    expect(refs.declarations[0]?.scenarios.map((s) => `${s.line} ${s.text}`)).toEqual([
      '38 Comment written on a plane',
    ]);
    expect(refs.tasks.map((t) => [t.path, t.line, t.taskId])).toEqual([
      ['specs/offline-review/tasks.md', 22, 'T004'],
    ]);
    expect(refs.code.map((c) => `${c.path}:${c.line}`)).toEqual(['src/review/outbox.ts:2']);
    expect(refs.tests.map((c) => `${c.path}:${c.line}`)).toEqual(['test/outbox.test.ts:1']);
    expect(refs.mentions.map((m) => m.path)).toEqual(['specs/offline-review/design.md']);
  });

  it('sees a citation added to code after the first look', async () => {
    fs.appendFileSync(path.join(root, 'src/review/note-cache.ts'), '\n// Also REQ-9F3TXA.\n');
    const refs = await value('workspace.references', { id: 'REQ-9F3TXA' });
    expect(refs.code.map((c) => c.path).sort()).toEqual([
      'src/review/note-cache.ts',
      'src/review/outbox.ts',
    ]);
  });
});

describe('workspace.lintContext', () => {
  it('lets the renderer lint an edited spec against the rest of the workspace', async () => {
    const context = await value('workspace.lintContext', {});
    const tasks = fs.readFileSync(path.join(root, 'specs/offline-review/tasks.md'), 'utf8');
    const edited = tasks.replace('(REQ-8XXXXX)', '(REQ-2HNB8W)');
    const before = lintDocument(context, { path: 'specs/offline-review/tasks.md', text: tasks });
    const after = lintDocument(context, { path: 'specs/offline-review/tasks.md', text: edited });
    expect(before.findings.map((f) => f.ruleId)).toContain('SPEC-006');
    expect(after.findings.map((f) => f.ruleId)).not.toContain('SPEC-006');
  });
});
