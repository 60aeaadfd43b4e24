import { describe, expect, it } from 'vitest';
import { gitStates } from '../../../renderer/src/components/workspace/git-states.ts';
import {
  buildTree,
  foldersAbove,
  initiallyExpanded,
  treeKeyAction,
  visibleRows,
  type TreeRow,
} from '../../../renderer/src/components/workspace/tree-model.ts';

const FILES = [
  'specs/review/tasks.md',
  'README.md',
  'specs/review/requirements.md',
  'specs/auth/spec.md',
  'specs/10-later/spec.md',
  'specs/9-earlier/spec.md',
  '.kiro/specs/login/requirements.md',
].map((path) => ({ path }));

const describeRows = (rows: TreeRow<{ path: string }>[]) =>
  rows.map(
    (r) =>
      `${'  '.repeat(r.level - 1)}${r.kind === 'folder' ? (r.expanded ? '▾ ' : '▸ ') : ''}${r.name} ${r.position}/${r.siblings}`,
  );

describe('the file tree model', () => {
  const tree = buildTree(FILES);

  it('shows folders before files, names in natural order, with ARIA positions', () => {
    const rows = visibleRows(tree, new Set(['specs', 'specs/review']));
    expect(describeRows(rows)).toEqual([
      '▸ .kiro 1/3',
      '▾ specs 2/3',
      '  ▸ 9-earlier 1/4',
      '  ▸ 10-later 2/4',
      '  ▸ auth 3/4',
      '  ▾ review 4/4',
      '    requirements.md 1/2',
      '    tasks.md 2/2',
      'README.md 3/3',
    ]);
    expect(tree.fileCount).toBe(7);
    expect(rows.find((r) => r.path === 'specs')).toMatchObject({ kind: 'folder', fileCount: 5 });
  });

  it('opens a small workspace fully and a large one at the top level, always down to the open file', () => {
    expect([...initiallyExpanded(tree, null)].sort()).toEqual([
      '.kiro',
      '.kiro/specs',
      '.kiro/specs/login',
      'specs',
      'specs/10-later',
      'specs/9-earlier',
      'specs/auth',
      'specs/review',
    ]);
    expect([...initiallyExpanded(tree, 'specs/review/tasks.md', 3)].sort()).toEqual([
      '.kiro',
      'specs',
      'specs/review',
    ]);
    expect(foldersAbove('a/b/c.md')).toEqual(['a', 'a/b']);
  });

  it('moves through the rows with the arrow keys, Home, End and the page keys', () => {
    const rows = visibleRows(tree, new Set(['specs', 'specs/review']));
    expect(treeKeyAction(rows, null, 'ArrowDown')).toEqual({ type: 'focus', path: '.kiro' });
    expect(treeKeyAction(rows, '.kiro', 'ArrowDown')).toEqual({ type: 'focus', path: 'specs' });
    expect(treeKeyAction(rows, 'specs', 'ArrowUp')).toEqual({ type: 'focus', path: '.kiro' });
    expect(treeKeyAction(rows, '.kiro', 'ArrowUp')).toBeNull();
    expect(treeKeyAction(rows, '.kiro', 'End')).toEqual({ type: 'focus', path: 'README.md' });
    expect(treeKeyAction(rows, 'README.md', 'Home')).toEqual({ type: 'focus', path: '.kiro' });
    expect(treeKeyAction(rows, '.kiro', 'PageDown', 5)).toEqual({
      type: 'focus',
      path: 'specs/review',
    });
  });

  it('expands, enters, collapses and leaves folders with Right and Left', () => {
    const rows = visibleRows(tree, new Set(['specs', 'specs/review']));
    expect(treeKeyAction(rows, '.kiro', 'ArrowRight')).toEqual({ type: 'expand', path: '.kiro' });
    expect(treeKeyAction(rows, 'specs', 'ArrowRight')).toEqual({
      type: 'focus',
      path: 'specs/9-earlier',
    });
    expect(treeKeyAction(rows, 'specs/review', 'ArrowLeft')).toEqual({
      type: 'collapse',
      path: 'specs/review',
    });
    expect(treeKeyAction(rows, 'specs/review/tasks.md', 'ArrowLeft')).toEqual({
      type: 'focus',
      path: 'specs/review',
    });
    expect(treeKeyAction(rows, 'specs/review/tasks.md', 'ArrowRight')).toBeNull();
    expect(treeKeyAction(rows, 'README.md', 'ArrowLeft')).toBeNull();
  });

  it('opens a file or toggles a folder with Enter', () => {
    const rows = visibleRows(tree, new Set(['specs', 'specs/review']));
    expect(treeKeyAction(rows, 'specs/review/tasks.md', 'Enter')).toEqual({
      type: 'open',
      path: 'specs/review/tasks.md',
    });
    expect(treeKeyAction(rows, 'specs/auth', 'Enter')).toEqual({
      type: 'expand',
      path: 'specs/auth',
    });
    expect(treeKeyAction(rows, 'specs', 'Enter')).toEqual({ type: 'collapse', path: 'specs' });
  });

  it('builds and lays out 5,000 files in one pass', () => {
    const many = Array.from({ length: 5000 }, (_, i) => ({
      path: `specs/area-${i % 50}/feature-${i}/spec.md`,
    }));
    const big = buildTree(many);
    expect(big.fileCount).toBe(5000);
    const rows = visibleRows(big, initiallyExpanded(big, 'specs/area-7/feature-7/spec.md'));
    // The top folder, its 50 areas, the 100 features of area-7, and the one open file.
    expect(rows).toHaveLength(1 + 50 + 100 + 1);
  });
});

describe('git states for the tree badges', () => {
  it('maps repository paths to workspace paths when the workspace is a folder of the repository', () => {
    const states = gitStates({
      root: '/repo/docs',
      repositoryRoot: '/repo',
      changes: [
        { path: 'docs/specs/a.md', state: 'modified', staged: false },
        { path: 'docs/specs/b.md', state: 'untracked', staged: false },
        { path: 'src/x.ts', state: 'modified', staged: false },
      ],
    });
    expect([...states]).toEqual([
      ['specs/a.md', 'modified'],
      ['specs/b.md', 'new'],
    ]);
  });

  it('has nothing to say outside a repository', () => {
    expect(gitStates({ root: '/w', repositoryRoot: null, changes: [] }).size).toBe(0);
  });
});
