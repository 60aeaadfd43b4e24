import { beforeAll, describe, expect, it } from 'vitest';
import type { Range, SpecDocument, Workspace } from '../../../workflows/specs/model.ts';
import { loadFolder, SAMPLE } from './helpers.ts';
import fs from 'node:fs';
import path from 'node:path';

let workspace: Workspace;
const doc = (name: string) =>
  workspace.documents.find((d) => d.path === `specs/offline-review/${name}.md`) as SpecDocument;

/** The source text a range covers (one-line ranges). */
function textAt(file: string, range: Range): string {
  const line =
    fs.readFileSync(path.join(SAMPLE, file), 'utf8').split('\n')[range.start.line - 1] ?? '';
  return line.slice(range.start.column - 1, range.end.column - 1);
}

beforeAll(async () => {
  workspace = await loadFolder(SAMPLE);
});

describe('Cairn format: the sample workspace', () => {
  it('finds the four spec documents (not the README) in the Cairn layout', () => {
    expect(workspace.layouts).toEqual(['cairn']);
    expect(workspace.documents.map((d) => [d.path, d.kind])).toEqual([
      ['specs/offline-review/design.md', 'design'],
      ['specs/offline-review/prd.md', 'prd'],
      ['specs/offline-review/requirements.md', 'requirements'],
      ['specs/offline-review/tasks.md', 'tasks'],
    ]);
    expect(workspace.config?.path).toBe('.cairn/config.yaml');
  });

  it('reads requirements with IDs, titles, statements and exact ID ranges', () => {
    const reqs = doc('requirements').requirements;
    expect(reqs.map((r) => [r.id, r.title])).toEqual([
      ['REQ-7KQ2M4', 'Cache shared notes for offline reading'],
      ['REQ-9F3TXA', 'Keep offline comments'],
      ['REQ-2HNB8W', 'Deliver queued comments'],
      ['REQ-5RZC1D', 'Mark comments on older versions'],
      ['REQ-C4VJ6P', 'Remove cached notes on sign-out'],
    ]);
    for (const r of reqs) expect(textAt(r.path, r.idRange)).toBe(r.id);
    expect(reqs[0]?.statement.replace(/\s+/g, ' ')).toBe(
      "When a note is shared with a signed-in reviewer, the app shall store a readable copy of the note on the reviewer's device within 30 seconds.",
    );
    expect(reqs[0]?.headingRange).toEqual({
      start: { line: 17, column: 1 },
      end: { line: 17, column: 55 },
    });
  });

  it('reads scenarios and their WHEN/AND/THEN steps', () => {
    const [first] = doc('requirements').requirements;
    expect(first?.scenarios.map((s) => s.name)).toEqual([
      'Note shared while online',
      'Open a cached note offline',
    ]);
    expect(first?.scenarios[0]?.steps).toEqual([
      {
        keyword: 'WHEN',
        text: 'Maya shares the note "Q3 roadmap" with Ravi',
        range: { start: { line: 24, column: 3 }, end: { line: 24, column: 51 } },
      },
      {
        keyword: 'AND',
        text: "Ravi's laptop is online",
        range: { start: { line: 25, column: 3 }, end: { line: 25, column: 30 } },
      },
      {
        keyword: 'THEN',
        text: 'a readable copy of "Q3 roadmap" is on Ravi\'s laptop within 30 seconds',
        range: { start: { line: 26, column: 3 }, end: { line: 26, column: 77 } },
      },
    ]);
    expect(doc('requirements').requirements[4]?.scenarios).toEqual([]);
  });

  it('reads tasks: IDs, done, [P], and requirement citations with ranges', () => {
    const tasks = doc('tasks').tasks;
    expect(tasks.map((t) => [t.id, t.done, t.parallel, t.refs.map((r) => r.id)])).toEqual([
      ['T001', true, false, ['REQ-7KQ2M4']],
      ['T002', false, true, ['REQ-7KQ2M4']],
      ['T003', false, false, ['REQ-C4VJ6P']],
      ['T004', true, false, ['REQ-9F3TXA']],
      ['T005', false, false, ['REQ-2HNB8W']],
      ['T006', false, true, ['REQ-5RZC1D']],
      ['T007', false, false, ['REQ-8XXXXX']],
    ]);
    for (const t of tasks) {
      expect(textAt('specs/offline-review/tasks.md', t.idRange as Range)).toBe(t.id);
      for (const ref of t.refs)
        expect(textAt('specs/offline-review/tasks.md', ref.range)).toBe(ref.id);
    }
  });

  it('reads frontmatter fields, links and covers with their places', () => {
    const design = doc('design');
    expect(design.frontmatter?.data).toMatchObject({
      id: 'DESIGN-offline-review',
      type: 'design',
      owners: ['ravi.iyer'],
    });
    expect(design.covers).toEqual([
      {
        pattern: 'src/review/**',
        range: { start: { line: 8, column: 5 }, end: { line: 8, column: 18 } },
      },
    ]);
    expect(design.links.map((l) => [l.target, l.origin, l.range.start.line])).toEqual([
      ['requirements.md', 'frontmatter', 10],
    ]);
    expect(design.mentions.map((m) => m.id)).toEqual(['REQ-9F3TXA', 'REQ-2HNB8W', 'REQ-C4VJ6P']);
    for (const m of design.mentions) expect(textAt(design.path, m.range)).toBe(m.id);
  });

  it('titles documents from frontmatter and lists their sections', () => {
    expect(doc('prd').title).toBe('Offline review of shared notes');
    expect(doc('prd').sections.map((s) => `${s.depth} ${s.title}`)).toEqual([
      '1 Offline review of shared notes',
      '2 Problem',
      '2 Goals',
      '2 Non-goals',
      '2 Users',
      '2 Success metrics',
      '2 Open questions',
    ]);
  });
});
