// Spawns `node bin/cairn.mjs diff` on two versions of the sample workspace.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runProcess } from '../support/run-process.ts';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SAMPLE = path.join(REPO, 'resources/sample-workspace');
const REQS = 'specs/offline-review/requirements.md';

function cairn(...args: string[]) {
  return runProcess(process.execPath, [path.join(REPO, 'bin/cairn.mjs'), ...args], REPO);
}

let root: string;
let after: string;

beforeAll(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'cairn-diff-'));
  after = path.join(root, 'after');
  fs.cpSync(SAMPLE, after, { recursive: true });
  const file = path.join(after, REQS);
  let text = fs.readFileSync(file, 'utf8');
  // Modified statement (the vague requirement made testable).
  text = text.replace(
    'written and should do it fast.',
    'written, within 60 seconds of reconnecting.',
  );
  // Renamed (new title, same ID).
  text = text.replace(
    '### REQ-5RZC1D: Mark comments on older versions',
    '### REQ-5RZC1D: Label comments written against older versions',
  );
  // Removed: REQ-9F3TXA and its scenario.
  text = text.replace(/### REQ-9F3TXA[\s\S]*?(?=### REQ-2HNB8W)/, '');
  // A scenario added to REQ-C4VJ6P, and a new requirement.
  text +=
    '\n#### Scenario: Sign out\n\n- WHEN Ravi signs out\n- THEN no shared note is left on the laptop\n\n### REQ-W4T9QD: Show sync status\n\nWhile comments wait to be sent, the app shall show how many are waiting.\n\n#### Scenario: Two waiting\n\n- WHEN two comments are queued\n- THEN the status bar shows "2 waiting"\n';
  fs.writeFileSync(file, text);
});

afterAll(() => {
  fs.rmSync(root, { recursive: true, force: true });
});

describe('cairn diff', () => {
  it('reports added, removed, modified and renamed requirements as JSON', async () => {
    const { code, stdout } = await cairn('diff', SAMPLE, after, '--format', 'json');
    expect(code).toBe(0);
    const diff = JSON.parse(stdout);
    expect(diff.counts).toEqual({ added: 1, removed: 1, modified: 2, renamed: 1 });
    expect(diff.unchanged).toBe(1);
    const byId = Object.fromEntries(
      diff.changes.map((c: { kind: string; before?: { id: string }; after?: { id: string } }) => [
        (c.after ?? c.before)?.id,
        c,
      ]),
    );
    expect(byId['REQ-9F3TXA'].kind).toBe('removed');
    expect(byId['REQ-W4T9QD'].kind).toBe('added');
    expect(byId['REQ-2HNB8W']).toMatchObject({ kind: 'modified', statementChanged: true });
    expect(byId['REQ-C4VJ6P']).toMatchObject({
      kind: 'modified',
      statementChanged: false,
      scenarios: { added: ['Sign out'] },
    });
    expect(byId['REQ-5RZC1D']).toMatchObject({
      kind: 'renamed',
      match: 'id',
      titleChanged: true,
      statementChanged: false,
    });
  });

  it('prints a readable summary as text', async () => {
    const { code, stdout } = await cairn('diff', SAMPLE, after);
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n');
    expect(lines).toContain(
      '- removed  REQ-9F3TXA "Keep offline comments"  (specs/offline-review/requirements.md:33)',
    );
    expect(
      lines.some((l) =>
        l.startsWith('> renamed  REQ-5RZC1D "Mark comments on older versions" -> REQ-5RZC1D'),
      ),
    ).toBe(true);
    expect(lines).toContain('    + scenario "Sign out"');
    expect(lines.at(-1)).toBe('1 added, 1 removed, 2 modified, 1 renamed; 1 unchanged.');
  });

  it('reports nothing between a workspace and itself', async () => {
    const { code, stdout } = await cairn('diff', SAMPLE, SAMPLE);
    expect(code).toBe(0);
    expect(stdout.trim()).toBe('0 added, 0 removed, 0 modified, 0 renamed; 5 unchanged.');
  });

  it('exits 2 on wrong arguments and 3 on a missing folder', async () => {
    expect((await cairn('diff', SAMPLE)).code).toBe(2);
    expect((await cairn('diff', SAMPLE, after, '--format', 'sarif')).code).toBe(2);
    const missing = await cairn('diff', SAMPLE, path.join(root, 'nope'));
    expect(missing.code).toBe(3);
    expect(missing.stderr).toMatch(/No folder at/);
  });
});
