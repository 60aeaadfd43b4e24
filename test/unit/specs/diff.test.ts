import { describe, expect, it } from 'vitest';
import { diffWorkspaces } from '../../../workflows/diff/diff-workspaces.ts';
import { requirementsDoc, workspaceOf } from './helpers.ts';

const FILE = 'specs/x/requirements.md';

function req(
  id: string,
  title: string,
  statement: string,
  scenarios: Record<string, string[]> = { S: ['WHEN x', 'THEN y'] },
) {
  const body = Object.entries(scenarios)
    .map(([name, steps]) => `#### Scenario: ${name}\n\n${steps.map((s) => `- ${s}`).join('\n')}\n`)
    .join('\n');
  return `### ${id}: ${title}\n\n${statement}\n\n${body}\n`;
}

function ws(...reqs: string[]) {
  return workspaceOf({ [FILE]: requirementsDoc(reqs.join('\n')) });
}

const A = req(
  'REQ-7KQ2M4',
  'Cache notes',
  'When a note is shared, the app shall cache it within 30 seconds.',
);
const B = req(
  'REQ-9F3TXA',
  'Keep comments',
  'While offline, the app shall save each new comment to local storage.',
);
const C = req(
  'REQ-2HNB8W',
  'Deliver comments',
  'When the device reconnects, the app shall send queued comments in order.',
);

describe('semantic diff', () => {
  it('reports nothing for identical workspaces', () => {
    const diff = diffWorkspaces(ws(A, B), ws(A, B));
    expect(diff.changes).toEqual([]);
    expect(diff.unchanged).toBe(2);
  });

  it('reports added and removed requirements', () => {
    const diff = diffWorkspaces(ws(A, B), ws(A, C));
    expect(diff.counts).toEqual({ added: 1, removed: 1, modified: 0, renamed: 0 });
    expect(diff.changes.map((c) => [c.kind, (c.after ?? c.before)?.id])).toEqual([
      ['added', 'REQ-2HNB8W'],
      ['removed', 'REQ-9F3TXA'],
    ]);
  });

  it('reports a modified statement', () => {
    const changed = req(
      'REQ-7KQ2M4',
      'Cache notes',
      'When a note is shared, the app shall cache it within 10 seconds.',
    );
    const [change] = diffWorkspaces(ws(A), ws(changed)).changes;
    expect(change).toMatchObject({
      kind: 'modified',
      match: 'id',
      statementChanged: true,
      titleChanged: false,
    });
    expect(change?.after?.statement).toContain('10 seconds');
  });

  it('reports scenarios added, removed and modified', () => {
    const changed = req(
      'REQ-7KQ2M4',
      'Cache notes',
      'When a note is shared, the app shall cache it within 30 seconds.',
      {
        S: ['WHEN x', 'THEN z'],
        New: ['WHEN a', 'THEN b'],
      },
    );
    const before = req(
      'REQ-7KQ2M4',
      'Cache notes',
      'When a note is shared, the app shall cache it within 30 seconds.',
      {
        S: ['WHEN x', 'THEN y'],
        Old: ['WHEN c', 'THEN d'],
      },
    );
    const [change] = diffWorkspaces(ws(before), ws(changed)).changes;
    expect(change).toMatchObject({ kind: 'modified', statementChanged: false });
    expect(change?.scenarios).toEqual({ added: ['New'], removed: ['Old'], modified: ['S'] });
  });

  it('reports a new title as a rename (matched by ID)', () => {
    const renamed = req(
      'REQ-7KQ2M4',
      'Cache shared notes',
      'When a note is shared, the app shall cache it within 30 seconds.',
    );
    expect(diffWorkspaces(ws(A), ws(renamed)).changes[0]).toMatchObject({
      kind: 'renamed',
      match: 'id',
      titleChanged: true,
      idChanged: false,
    });
  });

  it('pairs a re-numbered requirement by content: renamed, not removed plus added', () => {
    const renumbered = req(
      'REQ-XY7K3M',
      'Cache notes',
      'When a note is shared, the app shall cache it within 30 seconds.',
    );
    const diff = diffWorkspaces(ws(A, B), ws(renumbered, B));
    expect(diff.counts).toEqual({ added: 0, removed: 0, modified: 0, renamed: 1 });
    expect(diff.changes[0]).toMatchObject({
      kind: 'renamed',
      match: 'content',
      idChanged: true,
      similarity: 1,
    });
  });

  it('does not pair requirements that only share a few words', () => {
    const other = req(
      'REQ-XY7K3M',
      'Export',
      'When the user exports a note, the app shall write a PDF file.',
    );
    expect(diffWorkspaces(ws(A), ws(other)).counts).toEqual({
      added: 1,
      removed: 1,
      modified: 0,
      renamed: 0,
    });
  });

  it('pairs OpenSpec requirements renamed in place by their content', () => {
    const spec = (name: string) => ({
      'openspec/specs/auth/spec.md': `# auth\n\n## Purpose\nAuthentication of users across devices and sessions.\n\n## Requirements\n### Requirement: ${name}\nThe system SHALL delete the session token when the user signs out.\n\n#### Scenario: Out\n- **WHEN** the user signs out\n- **THEN** the token is gone\n`,
    });
    const diff = diffWorkspaces(
      workspaceOf(spec('Sign-out')),
      workspaceOf(spec('Sign out everywhere')),
    );
    expect(diff.changes).toMatchObject([
      {
        kind: 'renamed',
        match: 'content',
        before: { id: 'Sign-out' },
        after: { id: 'Sign out everywhere' },
      },
    ]);
  });
});
