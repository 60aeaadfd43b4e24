// The Workspace view's editor state (renderer/src/state/editor-slice.ts) against the real core,
// in process: the contract's dispatcher stands in for the WebSocket. Unsaved edits survive
// switching files, a save never goes over a change made on disk without the user's say, CRLF
// files keep their line endings, and other panels can replace the text.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CairnApi } from '../../electron/ipc/contract.ts';
import { createDispatcher } from '../../electron/ipc/dispatch.ts';
import { createHandlers } from '../../electron/ipc/handlers.ts';
import { Core } from '../../electron/services/core.ts';
import { setApi } from '../../renderer/src/state/api.ts';
import { isDirty } from '../../renderer/src/state/editor-slice.ts';
import { useCairn } from '../../renderer/src/state/store.ts';
import { SAMPLE_WORKSPACE, tempDir } from '../support/temp-dir.ts';

const root = fs.realpathSync(tempDir('cairn-editor-state-'));
fs.cpSync(SAMPLE_WORKSPACE, root, { recursive: true });
const REQS = 'specs/offline-review/requirements.md';
const TASKS = 'specs/offline-review/tasks.md';
let core: Core;

beforeAll(() => {
  core = new Core({
    dataDir: tempDir('cairn-editor-state-data-'),
    host: 'web',
    version: '0',
    workspace: root,
  });
  const dispatcher = createDispatcher(createHandlers(core));
  const api: CairnApi = {
    invoke: (channel, input) => dispatcher.invoke(channel, input) as never,
    subscribe(channel, input, onEvent) {
      const result = dispatcher.subscribe(channel, input, onEvent as (e: unknown) => void);
      return result.ok ? result.value.stop : () => {};
    },
  };
  setApi(api);
});
afterAll(() => core.close());

const store = () => useCairn.getState();
const onDisk = (rel: string) => fs.readFileSync(path.join(root, rel), 'utf8');

describe('the open document', () => {
  it('keeps unsaved edits as a draft when another file opens, and brings them back', async () => {
    await store().openDocument(REQS);
    const original = store().document?.text as string;
    store().editText(original + '\nDraft line.\n');
    expect(isDirty(store().document)).toBe(true);
    await store().openDocument(TASKS);
    expect(store().document?.path).toBe(TASKS);
    expect(Object.keys(store().drafts)).toEqual([REQS]);
    await store().openDocument(REQS);
    expect(store().document?.text).toBe(original + '\nDraft line.\n');
    expect(store().drafts).toEqual({});
    expect(onDisk(REQS)).toBe(original);
  });

  it('saves, and refuses to save over a change made on disk until the user chooses', async () => {
    await store().saveDocument();
    expect(store().save.state).toBe('saved');
    expect(onDisk(REQS)).toContain('Draft line.');
    fs.appendFileSync(path.join(root, REQS), 'Their line.\n');
    store().editText(store().document?.text + 'My line.\n');
    await store().saveDocument();
    expect(store().save).toMatchObject({ state: 'conflict' });
    expect(onDisk(REQS)).toContain('Their line.');
    await store().saveDocument({ overwrite: true });
    expect(store().save.state).toBe('saved');
    expect(onDisk(REQS)).toContain('My line.');
    expect(onDisk(REQS)).not.toContain('Their line.');
  });

  it('reloads from disk on request, dropping the edits', async () => {
    fs.appendFileSync(path.join(root, REQS), 'Reloaded line.\n');
    store().editText(store().document?.text + 'Dropped.\n');
    await store().reloadDocument();
    expect(store().document?.text).toContain('Reloaded line.');
    expect(store().document?.text).not.toContain('Dropped.');
    expect(isDirty(store().document)).toBe(false);
  });

  it('takes a change on disk in when the document is clean, and only flags it when dirty', async () => {
    fs.appendFileSync(path.join(root, REQS), 'Outside edit.\n');
    await store().filesChangedOnDisk([REQS]);
    expect(store().document?.text).toContain('Outside edit.');
    store().editText(store().document?.text + 'Mine.\n');
    fs.appendFileSync(path.join(root, REQS), 'Another outside edit.\n');
    await store().filesChangedOnDisk([REQS]);
    expect(store().changedOnDisk).toBe(true);
    expect(store().document?.text).toContain('Mine.');
    await store().reloadDocument();
  });

  it('lets another panel replace the text, as an unsaved edit; never in a read-only file', async () => {
    const before = store().document?.revision as number;
    expect(store().replaceDocument(REQS, '# Rewritten\n')).toBe(true);
    expect(store().document).toMatchObject({ text: '# Rewritten\n', revision: before + 1 });
    expect(isDirty(store().document)).toBe(true);
    expect(store().replaceDocument(TASKS, 'x')).toBe(false);
    await store().reloadDocument();
    await store().openDocument('src/review/outbox.ts', { line: 2 });
    expect(store().document?.readOnly).toBe(true);
    expect(store().jump).toEqual({ path: 'src/review/outbox.ts', line: 2 });
    expect(store().replaceDocument('src/review/outbox.ts', 'x')).toBe(false);
  });

  it('keeps CRLF line endings when it saves', async () => {
    const crlf = 'specs/offline-review/windows.md';
    fs.writeFileSync(path.join(root, crlf), '# Windows\r\n\r\nLine one.\r\n');
    await store().openDocument(crlf);
    expect(store().document?.text).toBe('# Windows\n\nLine one.\n');
    store().editText('# Windows\n\nLine one.\nLine two.\n');
    await store().saveDocument();
    expect(onDisk(crlf)).toBe('# Windows\r\n\r\nLine one.\r\nLine two.\r\n');
  });
});
