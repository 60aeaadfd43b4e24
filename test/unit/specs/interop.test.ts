import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { classifyPath } from '../../../workflows/interop/layout.ts';
import type { SpecDocument, Workspace } from '../../../workflows/specs/model.ts';
import { FIXTURES, loadFolder } from './helpers.ts';

describe('layout detection from paths', () => {
  it.each([
    ['openspec/specs/auth/spec.md', 'openspec', 'spec', 'openspec/specs/auth'],
    [
      'openspec/specs/billing/invoices/spec.md',
      'openspec',
      'spec',
      'openspec/specs/billing/invoices',
    ],
    [
      'openspec/changes/add-2fa/specs/auth/spec.md',
      'openspec',
      'delta',
      'openspec/changes/add-2fa/specs/auth',
    ],
    ['openspec/changes/add-2fa/proposal.md', 'openspec', 'proposal', 'openspec/changes/add-2fa'],
    ['openspec/changes/add-2fa/tasks.md', 'openspec', 'tasks', 'openspec/changes/add-2fa'],
    ['specs/001-photo-albums/spec.md', 'speckit', 'spec', 'specs/001-photo-albums'],
    ['specs/001-photo-albums/tasks.md', 'speckit', 'tasks', 'specs/001-photo-albums'],
    ['.specify/memory/constitution.md', 'speckit', 'constitution', ''],
    ['.kiro/specs/login/requirements.md', 'kiro', 'requirements', '.kiro/specs/login'],
    ['.kiro/specs/login/bugfix.md', 'kiro', 'bugfix', '.kiro/specs/login'],
    ['apps/web/openspec/specs/auth/spec.md', 'openspec', 'spec', 'apps/web/openspec/specs/auth'],
  ])('%s → %s %s', (p, format, kind, scope) => {
    expect(classifyPath(p)).toMatchObject({ format, kind, scope });
  });

  it('gives archived OpenSpec changes and ordinary files no role', () => {
    expect(classifyPath('openspec/changes/archive/2025-01-01-x/specs/a/spec.md')).toBeNull();
    expect(classifyPath('specs/offline-review/requirements.md')).toBeNull();
    expect(classifyPath('README.md')).toBeNull();
  });
});

function byPath(workspace: Workspace, p: string): SpecDocument {
  const found = workspace.documents.find((d) => d.path === p);
  if (!found)
    throw new Error(`no document ${p} in ${workspace.documents.map((d) => d.path).join(', ')}`);
  return found;
}

describe('Spec Kit fixture', () => {
  let ws: Workspace;
  beforeAll(async () => {
    ws = await loadFolder(path.join(FIXTURES, 'speckit'));
  });

  it('maps user stories with Given/When/Then scenarios and FR-### requirements', () => {
    expect(ws.layouts).toEqual(['speckit']);
    const spec = byPath(ws, 'specs/001-photo-albums/spec.md');
    expect(spec.requirements.map((r) => [r.id, r.kind, r.scenarios.length])).toEqual([
      ['US1', 'story', 2],
      ['US2', 'story', 1],
      ['FR-001', 'requirement', 0],
      ['FR-002', 'requirement', 0],
      ['FR-003', 'requirement', 0],
      ['FR-004', 'requirement', 0],
    ]);
    const us1 = spec.requirements[0];
    expect(us1?.title).toBe('Create an album');
    expect(us1?.scenarios[0]?.steps.map((s) => s.keyword)).toEqual(['GIVEN', 'WHEN', 'THEN']);
    expect(us1?.scenarios[0]?.steps[1]?.text).toBe(
      'the user selects 3 photos and saves them as "Lisbon"',
    );
    expect(spec.requirements[2]?.statement).toBe(
      'System MUST let users create an album from one or more photos of the local library.',
    );
    expect(spec.requirements.every((r) => r.scope === 'specs/001-photo-albums')).toBe(true);
  });

  it('maps tasks with [P], [US1] and FR citations', () => {
    const tasks = byPath(ws, 'specs/001-photo-albums/tasks.md').tasks;
    expect(tasks.map((t) => [t.id, t.parallel, t.story])).toEqual([
      ['T001', false, null],
      ['T002', true, null],
      ['T003', true, 'US1'],
      ['T004', false, 'US1'],
      ['T005', true, 'US2'],
      ['T006', false, 'US3'],
    ]);
    expect(tasks[3]?.refs.map((r) => `${r.style}:${r.id}`)).toEqual([
      'story:US1',
      'fr:FR-001',
      'fr:FR-004',
    ]);
  });

  it('leaves checklists out and reads the constitution', () => {
    expect(ws.documents.some((d) => d.path.includes('checklists'))).toBe(false);
    expect(byPath(ws, '.specify/memory/constitution.md').kind).toBe('constitution');
  });
});

describe('OpenSpec fixture', () => {
  let ws: Workspace;
  beforeAll(async () => {
    ws = await loadFolder(path.join(FIXTURES, 'openspec'));
  });

  it('maps main specs: purpose, requirements by name, #### scenarios with WHEN/THEN', () => {
    expect(ws.layouts).toEqual(['openspec']);
    const auth = byPath(ws, 'openspec/specs/auth/spec.md');
    expect(auth.openspec?.spec?.purpose?.text).toMatch(/^Authentication of Lantern users/);
    expect(auth.requirements.map((r) => [r.id, r.scenarios.map((s) => s.name)])).toEqual([
      ['Password sign-in', ['Valid credentials', 'Wrong password']],
      ['Session expiry', ['Expired session']],
      ['Sign-out', ['Sign out']],
    ]);
    expect(auth.requirements[0]?.scenarios[0]?.steps.map((s) => s.keyword)).toEqual([
      'WHEN',
      'THEN',
      'AND',
    ]);
  });

  it('maps deltas: ADDED, MODIFIED, REMOVED with reason, RENAMED pairs and unpaired lines', () => {
    const delta = byPath(ws, 'openspec/changes/add-two-factor/specs/auth/spec.md');
    expect(delta.requirements.map((r) => [r.delta, r.id])).toEqual([
      ['ADDED', 'Two-factor sign-in'],
      ['ADDED', 'Recovery codes'],
      ['MODIFIED', 'Session expiry'],
    ]);
    const info = delta.openspec?.delta;
    expect(info?.removed).toMatchObject([
      { name: 'Remember me', hasReason: true, hasMigration: true },
    ]);
    expect(info?.renamed).toMatchObject([{ from: 'Sign-out', to: 'Sign out everywhere' }]);
    expect(info?.unpairedRenames).toMatchObject([{ side: 'FROM', name: 'Password reset' }]);
    expect(delta.openspec?.change).toBe('add-two-factor');
  });

  it('skips archived changes', () => {
    expect(ws.documents.some((d) => d.path.includes('/archive/'))).toBe(false);
  });
});

describe('Kiro fixture', () => {
  let ws: Workspace;
  beforeAll(async () => {
    ws = await loadFolder(path.join(FIXTURES, 'kiro'));
  });

  it('maps Requirement N to a story and its numbered criteria to N.M', () => {
    expect(ws.layouts).toEqual(['kiro']);
    const reqs = byPath(ws, '.kiro/specs/user-authentication/requirements.md').requirements;
    expect(reqs.map((r) => [r.id, r.kind])).toEqual([
      ['1', 'story'],
      ['1.1', 'criterion'],
      ['1.2', 'criterion'],
      ['1.3', 'criterion'],
      ['2', 'story'],
      ['2.1', 'criterion'],
      ['2.2', 'criterion'],
      ['2.3', 'criterion'],
      ['3', 'story'],
      ['3.1', 'criterion'],
    ]);
    expect(reqs[0]?.statement).toMatch(/^As a returning user, I want to sign in/);
    expect(reqs[1]?.statement).toMatch(/^WHEN a user submits a registered e-mail address/);
    expect(reqs[1]?.parentId).toBe('1');
  });

  it('reads _Requirements: 1.1, 2.1_ citations from tasks', () => {
    const tasks = byPath(ws, '.kiro/specs/user-authentication/tasks.md').tasks;
    expect(tasks.map((t) => [t.id, t.refs.map((r) => r.id)])).toEqual([
      ['1', ['1.1', '2.1']],
      ['2', []],
      ['2.1', ['1.1', '1.2']],
      ['2.2', ['1.3']],
      ['3', ['3.1', '4.2']],
    ]);
  });

  it('scopes criteria per feature: two features may both have 1.1', () => {
    const scopes = ws.documents.flatMap((d) =>
      d.requirements.filter((r) => r.id === '1.1').map((r) => r.scope),
    );
    expect(scopes.sort()).toEqual(['.kiro/specs/dark-mode', '.kiro/specs/user-authentication']);
  });
});
