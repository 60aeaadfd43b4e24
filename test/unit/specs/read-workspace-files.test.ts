import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  firstInvalidUtf8,
  readWorkspaceFiles,
} from '../../../electron/services/specs/read-workspace-files.ts';
import { lintWorkspace } from '../../../workflows/lint/lint-workspace.ts';
import { parseWorkspace } from '../../../workflows/specs/parse-workspace.ts';

let root: string;
function write(rel: string, content: string | Buffer): void {
  fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
  fs.writeFileSync(path.join(root, rel), content);
}

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'cairn-read-'));
});
afterEach(() => {
  fs.rmSync(root, { recursive: true, force: true });
});

const TASKS = '---\nid: T\ntitle: T\ntype: tasks\n---\n\n# T\n\n- [ ] T001 Do it\n';

describe('reading a workspace folder', () => {
  it('lists every file, reads Markdown and the config, skips tool and build folders', async () => {
    write('specs/a/tasks.md', TASKS);
    write('src/app.ts', 'export {};\n');
    write('.cairn/config.yaml', 'version: 1\n');
    write('.kiro/specs/f/requirements.md', '# Requirements Document\n');
    write('node_modules/x/README.md', '# no\n');
    write('.git/HEAD', 'ref: refs/heads/main\n');
    write('.vscode/notes.md', '# no\n');
    const input = await readWorkspaceFiles(root);
    expect(input.paths).toEqual([
      '.cairn/config.yaml',
      '.kiro/specs/f/requirements.md',
      'specs/a/tasks.md',
      'src/app.ts',
    ]);
    expect(input.files.map((f) => f.path).sort()).toEqual([
      '.cairn/config.yaml',
      '.kiro/specs/f/requirements.md',
      'specs/a/tasks.md',
    ]);
    expect(input.problems).toEqual([]);
  });

  it('skips a binary .md file with SPEC-017 and lints the rest', async () => {
    write('specs/a/tasks.md', TASKS);
    write('specs/a/diagram.md', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x1a]));
    const input = await readWorkspaceFiles(root);
    expect(input.files.map((f) => f.path)).toEqual(['specs/a/tasks.md']);
    const findings = lintWorkspace(parseWorkspace(input)).findings;
    expect(findings.map((f) => [f.ruleId, f.path, f.severity])).toEqual([
      ['SPEC-017', 'specs/a/diagram.md', 'warning'],
    ]);
    expect(findings[0]?.message).toMatch(/binary/);
  });

  it('skips a file over the size limit with SPEC-017', async () => {
    write('specs/a/tasks.md', TASKS + 'x'.repeat(2000));
    const input = await readWorkspaceFiles(root, { maxBytes: 1000 });
    expect(input.files).toEqual([]);
    expect(input.problems).toMatchObject([{ path: 'specs/a/tasks.md', kind: 'too-large' }]);
    expect(input.problems?.[0]?.message).toMatch(/over the 1000-byte limit/);
  });

  it('reads invalid UTF-8 with replacement characters and reports the first bad byte (SPEC-018)', async () => {
    const bytes = Buffer.concat([
      Buffer.from(TASKS + '- [ ] T002 caf'),
      Buffer.from([0xe9]),
      Buffer.from(' menu\n'),
    ]);
    write('specs/a/tasks.md', bytes);
    const input = await readWorkspaceFiles(root);
    expect(input.files[0]?.text).toContain('caf\uFFFD menu');
    const findings = lintWorkspace(parseWorkspace(input)).findings;
    expect(findings.map((f) => [f.ruleId, f.range])).toEqual([
      ['SPEC-018', { start: { line: 10, column: 15 }, end: { line: 10, column: 16 } }],
    ]);
    expect(findings[0]?.message).toMatch(/byte 0xe9 at line 10, column 15/);
    expect(parseWorkspace(input).documents[0]?.tasks.map((t) => t.id)).toEqual(['T001', 'T002']);
  });

  it('reads BOM and CRLF files to the same model as plain ones', async () => {
    write('a/tasks.md', TASKS);
    write('b/tasks.md', '\uFEFF' + TASKS.replace(/\n/g, '\r\n'));
    const docs = parseWorkspace(await readWorkspaceFiles(root)).documents;
    expect(docs[1]?.tasks).toEqual(docs[0]?.tasks);
    expect(docs[1]?.frontmatter?.data).toEqual(docs[0]?.frontmatter?.data);
  });

  it('handles an empty folder', async () => {
    const input = await readWorkspaceFiles(root);
    expect(input).toEqual({ files: [], paths: [], problems: [] });
  });
});

describe('firstInvalidUtf8', () => {
  it.each([
    ['valid ASCII and multi-byte', Buffer.from('a é € 😀'), -1],
    ['a lone continuation byte', Buffer.from([0x61, 0x80]), 1],
    ['an overlong encoding', Buffer.from([0xc0, 0xaf]), 0],
    ['an encoded surrogate', Buffer.from([0xed, 0xa0, 0x80]), 0],
    ['a truncated sequence', Buffer.from([0x61, 0xe2, 0x82]), 1],
    ['a code point past U+10FFFF', Buffer.from([0xf4, 0x90, 0x80, 0x80]), 0],
  ])('%s', (_name, bytes, expected) => {
    expect(firstInvalidUtf8(bytes)).toBe(expected);
  });
});
