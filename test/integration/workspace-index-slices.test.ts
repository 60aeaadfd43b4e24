// The editor's workspace index parses a large workspace in slices: the core keeps answering
// other requests (the event loop turns between files), and the result is the workspace
// `cairn lint` reads.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readWorkspaceFiles } from '../../electron/services/specs/read-workspace-files.ts';
import { WorkspaceIndex } from '../../electron/services/workspace/workspace-index.ts';
import { parseWorkspace } from '../../workflows/specs/parse-workspace.ts';
import { writeCairnWorkspace } from '../bench/generate-workspaces.ts';

let root: string;

beforeAll(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'cairn-index-slices-'));
  writeCairnWorkspace(root, 20, 30);
});

afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

/** How many times the event loop turned while `work` ran. */
async function turnsDuring<T>(work: () => Promise<T>): Promise<{ value: T; turns: number }> {
  let turns = 0;
  let running = true;
  const spin = () => {
    if (!running) return;
    turns++;
    setImmediate(spin);
  };
  setImmediate(spin);
  const value = await work();
  running = false;
  return { value, turns };
}

describe('WorkspaceIndex.workspace()', () => {
  it('lets the event loop turn between files while it parses, and reads what cairn lint reads', async () => {
    // A slice of 0 ms: a turn before every file, whatever this machine's speed.
    const index = new WorkspaceIndex(root, () => {}, 0);
    await index.open();
    const { value: workspace, turns } = await turnsDuring(() => index.workspace());
    expect(workspace.documents).toHaveLength(40);
    expect(turns).toBeGreaterThanOrEqual(workspace.documents.length);
    expect(workspace).toEqual(parseWorkspace(await readWorkspaceFiles(root)));
  });

  it('parses each file once: a second call reuses the parse and gives the same workspace', async () => {
    const index = new WorkspaceIndex(root, () => {}, 0);
    const first = await index.workspace();
    const second = await index.workspace();
    expect(second.documents).toHaveLength(first.documents.length);
    for (let i = 0; i < first.documents.length; i++) {
      expect(second.documents[i]).toBe(first.documents[i]);
    }
  });
});
