// The editor lints one document against a stripped context of its workspace. These tests hold
// it to `cairn lint`: for every document, the findings are the ones the whole-workspace lint
// gives for that file, in the sample, the fixtures of each layout, generated workspaces and
// random ones.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { lintContextOf, lintDocument } from '../../../workflows/lint/lint-document.ts';
import { lintWorkspace } from '../../../workflows/lint/lint-workspace.ts';
import type { SourceFile, Workspace } from '../../../workflows/specs/model.ts';
import { readWorkspaceFiles } from '../../../electron/services/specs/read-workspace-files.ts';
import { parseWorkspace } from '../../../workflows/specs/parse-workspace.ts';
import { writeCairnWorkspace, writeOpenSpecRepo } from '../../bench/generate-workspaces.ts';
import { FIXTURES, SAMPLE } from './helpers.ts';
import { workspaceFiles } from './arbitraries.ts';

const generated = fs.mkdtempSync(path.join(os.tmpdir(), 'cairn-lint-document-'));
afterAll(() => fs.rmSync(generated, { recursive: true, force: true }));

/** Every Markdown file of the workspace, linted alone in context, against the full lint. */
function expectParity(workspace: Workspace, files: readonly SourceFile[]): number {
  const full = lintWorkspace(workspace).findings;
  const context = lintContextOf(workspace);
  let compared = 0;
  for (const file of files.filter((f) => f.path.endsWith('.md'))) {
    const expected = full.filter((f) => f.path === file.path);
    expect(lintDocument(context, file).findings, file.path).toEqual(expected);
    compared += expected.length;
  }
  return compared;
}

async function expectFolderParity(root: string): Promise<number> {
  const input = await readWorkspaceFiles(root);
  return expectParity(parseWorkspace(input), input.files);
}

describe('lintDocument (one document in the context of its workspace)', () => {
  it('gives each file of the sample workspace the findings cairn lint gives it', async () => {
    expect(await expectFolderParity(SAMPLE)).toBeGreaterThan(3);
  });

  it.each(['speckit', 'openspec', 'kiro'])(
    'matches cairn lint on the %s fixture',
    async (layout) => {
      await expectFolderParity(path.join(FIXTURES, layout));
    },
  );

  it('matches on generated Cairn and OpenSpec workspaces with cross-document defects', async () => {
    const cairn = path.join(generated, 'cairn');
    writeCairnWorkspace(cairn, 6, 60);
    // A requirement declared twice across files, and a citation of an unknown requirement.
    const dupe = fs.readFileSync(path.join(cairn, 'specs/feature-000/requirements.md'), 'utf8');
    const firstId = /### (REQ-[0-9A-Z]{6})/.exec(dupe)?.[1] as string;
    fs.appendFileSync(
      path.join(cairn, 'specs/feature-003/requirements.md'),
      `\n### ${firstId}: Copied\n\nThe app shall keep a copy.\n`,
    );
    fs.appendFileSync(
      path.join(cairn, 'specs/feature-001/tasks.md'),
      '- [ ] T900 x (REQ-8XXXXX)\n',
    );
    expect(await expectFolderParity(cairn)).toBeGreaterThan(5);
    const openspec = path.join(generated, 'openspec');
    writeOpenSpecRepo(openspec, 12, 4, 8);
    expect(await expectFolderParity(openspec)).toBeGreaterThan(5);
  });

  it('matches on random workspaces', () => {
    fc.assert(
      fc.property(workspaceFiles, (files) => {
        const input = {
          files: Object.entries(files).map(([p, text]) => ({ path: p, text })),
          paths: [...Object.keys(files), 'src/a.ts'].sort(),
        };
        expectParity(parseWorkspace(input), input.files);
      }),
      { numRuns: 60 },
    );
  }, 120_000);

  it('lints the text being typed, not the text on disk', () => {
    const workspace = parseWorkspace({
      files: [
        {
          path: 'specs/a/requirements.md',
          text: '# A\n\n### REQ-7KQ2M4: Save\n\nThe app shall save.\n',
        },
        { path: 'specs/a/tasks.md', text: '# Tasks\n\n- [ ] T001 Save (REQ-7KQ2M4)\n' },
      ],
      paths: ['specs/a/requirements.md', 'specs/a/tasks.md'],
    });
    const context = lintContextOf(workspace);
    const edited = {
      path: 'specs/a/tasks.md',
      text: '# Tasks\n\n- [ ] T001 Save (REQ-7KQ2M4)\n- [ ] T002 Load (REQ-9F3TXA)\n',
    };
    const unknown = lintDocument(context, edited)
      .findings.filter((f) => f.ruleId === 'SPEC-006')
      .map((f) => `${f.requirementId} line ${f.range.start.line}`);
    expect(unknown).toEqual(['REQ-9F3TXA line 4']);
    // A new file that is not on disk yet is linted too.
    const fresh = lintDocument(context, {
      path: 'specs/b/requirements.md',
      text: '# B\n\n### REQ-7KQ2M4: Again\n\nThe app should load fast.\n',
    });
    expect(fresh.findings.map((f) => f.ruleId)).toEqual(
      expect.arrayContaining(['SPEC-003', 'EARS-004', 'EARS-006']),
    );
  });
});
