// The file tree as data: folders built from flat paths, the rows a virtual list shows for a set
// of expanded folders, and what each navigation key does (the WAI-ARIA tree pattern). Pure, so
// unit tests cover it without a DOM.

export interface FolderNode<F extends { path: string }> {
  name: string;
  /** '' for the workspace root. */
  path: string;
  folders: FolderNode<F>[];
  files: F[];
  /** Files in this folder and below. */
  fileCount: number;
}

interface RowBase {
  path: string;
  name: string;
  /** 1 for the top level (aria-level). */
  level: number;
  /** Position among its siblings, from 1, and how many siblings (aria-posinset, aria-setsize). */
  position: number;
  siblings: number;
  /** The folder row it belongs to ('' at the top level). */
  parent: string;
}

export type TreeRow<F extends { path: string }> =
  | (RowBase & { kind: 'folder'; expanded: boolean; fileCount: number })
  | (RowBase & { kind: 'file'; file: F });

const byName = (a: string, b: string) => a.localeCompare(b, undefined, { numeric: true });

/** Folders from the files' paths; folders first, then files, each sorted by name. */
export function buildTree<F extends { path: string }>(files: readonly F[]): FolderNode<F> {
  const root: FolderNode<F> = { name: '', path: '', folders: [], files: [], fileCount: 0 };
  const folders = new Map<string, FolderNode<F>>([['', root]]);
  const folderOf = (path: string): FolderNode<F> => {
    const known = folders.get(path);
    if (known) return known;
    const slash = path.lastIndexOf('/');
    const parent = folderOf(slash === -1 ? '' : path.slice(0, slash));
    const node: FolderNode<F> = {
      name: path.slice(slash + 1),
      path,
      folders: [],
      files: [],
      fileCount: 0,
    };
    parent.folders.push(node);
    folders.set(path, node);
    return node;
  };
  for (const file of files) {
    const slash = file.path.lastIndexOf('/');
    folderOf(slash === -1 ? '' : file.path.slice(0, slash)).files.push(file);
  }
  const finish = (node: FolderNode<F>): number => {
    node.folders.sort((a, b) => byName(a.name, b.name));
    node.files.sort((a, b) => byName(a.path, b.path));
    node.fileCount = node.files.length + node.folders.reduce((n, f) => n + finish(f), 0);
    return node.fileCount;
  };
  finish(root);
  return root;
}

/** The rows shown when the folders in `expanded` are open, top to bottom. */
export function visibleRows<F extends { path: string }>(
  tree: FolderNode<F>,
  expanded: ReadonlySet<string>,
): TreeRow<F>[] {
  const rows: TreeRow<F>[] = [];
  const walk = (node: FolderNode<F>, level: number) => {
    const siblings = node.folders.length + node.files.length;
    let position = 0;
    for (const folder of node.folders) {
      const open = expanded.has(folder.path);
      rows.push({
        kind: 'folder',
        path: folder.path,
        name: folder.name,
        level,
        position: ++position,
        siblings,
        parent: node.path,
        expanded: open,
        fileCount: folder.fileCount,
      });
      if (open) walk(folder, level + 1);
    }
    for (const file of node.files) {
      rows.push({
        kind: 'file',
        path: file.path,
        name: file.path.slice(file.path.lastIndexOf('/') + 1),
        level,
        position: ++position,
        siblings,
        parent: node.path,
        file,
      });
    }
  };
  walk(tree, 1);
  return rows;
}

/** The folders that hold `path`, outermost first ('a/b/c.md' → ['a', 'a/b']). */
export function foldersAbove(path: string): string[] {
  const parts = path.split('/').slice(0, -1);
  return parts.map((_, i) => parts.slice(0, i + 1).join('/'));
}

/**
 * Which folders start open: every one in a small workspace, the top level in a large one
 * (thousands of rows help nobody), plus the folders above the file in view.
 */
export function initiallyExpanded<F extends { path: string }>(
  tree: FolderNode<F>,
  openPath: string | null,
  smallWorkspace = 200,
): Set<string> {
  const expanded = new Set<string>(openPath ? foldersAbove(openPath) : []);
  const all = tree.fileCount <= smallWorkspace;
  const walk = (node: FolderNode<F>, depth: number) => {
    for (const folder of node.folders) {
      if (all || depth === 0) expanded.add(folder.path);
      if (all) walk(folder, depth + 1);
    }
  };
  walk(tree, 0);
  return expanded;
}

export type TreeAction =
  | { type: 'focus'; path: string }
  | { type: 'expand'; path: string }
  | { type: 'collapse'; path: string }
  | { type: 'open'; path: string }
  | null;

/** What a key does on the active row, following the WAI-ARIA tree view pattern. */
export function treeKeyAction<F extends { path: string }>(
  rows: readonly TreeRow<F>[],
  activePath: string | null,
  key: string,
  pageSize = 10,
): TreeAction {
  if (rows.length === 0) return null;
  const index = Math.max(
    0,
    rows.findIndex((r) => r.path === activePath),
  );
  const row = rows[index] as TreeRow<F>;
  const focusAt = (i: number): TreeAction => {
    const target = rows[Math.min(rows.length - 1, Math.max(0, i))] as TreeRow<F>;
    return target.path === activePath ? null : { type: 'focus', path: target.path };
  };
  if (activePath === null || !rows.some((r) => r.path === activePath)) {
    return key === 'ArrowUp' || key === 'End' ? focusAt(rows.length - 1) : focusAt(0);
  }
  switch (key) {
    case 'ArrowDown':
      return focusAt(index + 1);
    case 'ArrowUp':
      return focusAt(index - 1);
    case 'Home':
      return focusAt(0);
    case 'End':
      return focusAt(rows.length - 1);
    case 'PageDown':
      return focusAt(index + pageSize);
    case 'PageUp':
      return focusAt(index - pageSize);
    case 'ArrowRight':
      if (row.kind !== 'folder') return null;
      return row.expanded ? focusAt(index + 1) : { type: 'expand', path: row.path };
    case 'ArrowLeft':
      if (row.kind === 'folder' && row.expanded) return { type: 'collapse', path: row.path };
      return row.parent === '' ? null : { type: 'focus', path: row.parent };
    case 'Enter':
    case ' ':
      if (row.kind === 'file') return { type: 'open', path: row.path };
      return { type: row.expanded ? 'collapse' : 'expand', path: row.path };
    default:
      return null;
  }
}
