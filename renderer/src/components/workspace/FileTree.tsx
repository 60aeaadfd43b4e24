// The workspace's spec files as a folder tree: virtualised (only the rows in view are in the
// page, so 5,000 specs scroll like 50), keyboard navigable as an ARIA tree (the tree holds the
// focus and points at the active row with aria-activedescendant), with badges per file.
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { SpecFile } from '../../../../electron/ipc/contract.ts';
import { isDirty } from '../../state/editor-slice.ts';
import { findingsByPath } from '../../state/selectors.ts';
import { useCairn } from '../../state/store.ts';
import type { GitState } from './git-states.ts';
import {
  buildTree,
  foldersAbove,
  initiallyExpanded,
  treeKeyAction,
  visibleRows,
  type TreeRow,
} from './tree-model.ts';

const ROW_HEIGHT = 28;

interface Problems {
  errors: number;
  warnings: number;
}

export function FileTree() {
  const files = useCairn((s) => s.files);
  const openPath = useCairn((s) => s.document?.path ?? s.selectedPath);
  const openDocument = useCairn((s) => s.openDocument);
  const problems = useProblems();
  const gitStates = useCairn((s) => s.gitStates);
  const unsaved = useUnsavedPaths();
  const tree = useMemo(() => buildTree(files), [files]);
  const [expanded, setExpanded] = useState<Set<string>>(() => new Set());
  const [activePath, setActivePath] = useState<string | null>(null);
  const seeded = useRef(false);

  // Folders start open (all of them in a small workspace), once the listing is in.
  useEffect(() => {
    if (seeded.current || tree.fileCount === 0) return;
    seeded.current = true;
    setExpanded(initiallyExpanded(tree, openPath));
  }, [tree, openPath]);

  // The file opened from elsewhere (search, references) is shown and becomes the active row.
  useEffect(() => {
    if (!openPath) return;
    setExpanded((current) => {
      const missing = foldersAbove(openPath).filter((f) => !current.has(f));
      return missing.length === 0 ? current : new Set([...current, ...missing]);
    });
    setActivePath(openPath);
  }, [openPath]);

  const rows = useMemo(() => visibleRows(tree, expanded), [tree, expanded]);
  const scroller = useRef<HTMLDivElement>(null);
  // This app does not use the React Compiler, which is what the rule guards; the virtualizer
  // re-renders the tree itself as it scrolls.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const activeIndex = rows.findIndex((r) => r.path === activePath);

  useEffect(() => {
    if (activeIndex >= 0) virtualizer.scrollToIndex(activeIndex, { align: 'auto' });
  }, [activeIndex, virtualizer]);

  const toggle = (path: string, open: boolean) =>
    setExpanded((current) => {
      const next = new Set(current);
      if (open) next.add(path);
      else next.delete(path);
      return next;
    });

  const activate = (row: TreeRow<SpecFile>) => {
    setActivePath(row.path);
    if (row.kind === 'folder') toggle(row.path, !row.expanded);
    else void openDocument(row.path);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const pageSize = Math.max(1, Math.floor((scroller.current?.clientHeight ?? 280) / ROW_HEIGHT));
    const action = treeKeyAction(rows, activePath, event.key, pageSize);
    const handled = [
      'ArrowDown',
      'ArrowUp',
      'ArrowLeft',
      'ArrowRight',
      'Home',
      'End',
      'PageUp',
      'PageDown',
      'Enter',
      ' ',
    ].includes(event.key);
    if (handled) event.preventDefault();
    if (!action) return;
    if (action.type === 'focus') setActivePath(action.path);
    else if (action.type === 'expand') toggle(action.path, true);
    else if (action.type === 'collapse') toggle(action.path, false);
    else void openDocument(action.path);
  };

  return (
    <div
      className="file-tree"
      ref={scroller}
      role="tree"
      aria-label="Spec files"
      tabIndex={0}
      aria-activedescendant={activeIndex >= 0 ? rowId(activeIndex) : undefined}
      onKeyDown={onKeyDown}
      onFocus={() => {
        if (activePath === null && rows[0]) setActivePath(rows[0].path);
      }}
    >
      <div className="file-tree-inner" style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((item) => {
          const row = rows[item.index] as TreeRow<SpecFile>;
          return (
            <TreeItem
              key={row.path}
              id={rowId(item.index)}
              row={row}
              top={item.start}
              active={row.path === activePath}
              open={row.path === openPath}
              problems={row.kind === 'file' ? problems.get(row.path) : undefined}
              git={row.kind === 'file' ? gitStates.get(row.path) : undefined}
              unsaved={row.kind === 'file' && unsaved.has(row.path)}
              onActivate={() => activate(row)}
            />
          );
        })}
      </div>
    </div>
  );
}

const rowId = (index: number) => `file-tree-row-${index}`;

function TreeItem(props: {
  id: string;
  row: TreeRow<SpecFile>;
  top: number;
  active: boolean;
  open: boolean;
  problems: Problems | undefined;
  git: GitState | undefined;
  unsaved: boolean;
  onActivate(): void;
}) {
  const { row } = props;
  const classes = [
    'tree-row',
    `tree-${row.kind}`,
    props.active ? 'active' : '',
    props.open ? 'open' : '',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <div
      id={props.id}
      role="treeitem"
      aria-level={row.level}
      aria-posinset={row.position}
      aria-setsize={row.siblings}
      aria-expanded={row.kind === 'folder' ? row.expanded : undefined}
      aria-selected={row.kind === 'file' ? props.open : undefined}
      className={classes}
      data-path={row.path}
      style={{
        transform: `translateY(${props.top}px)`,
        // Files line up with their folder's name, past its twisty.
        paddingLeft: 8 + (row.level - 1) * 14 + (row.kind === 'file' ? 18 : 0),
      }}
      onClick={props.onActivate}
    >
      {row.kind === 'folder' ? (
        <>
          <span className="twisty" aria-hidden="true">
            {row.expanded ? '▾' : '▸'}
          </span>
          <span className="tree-name">{row.name}</span>
          <span className="tree-count" aria-label={`${row.fileCount} files`}>
            {row.fileCount}
          </span>
        </>
      ) : (
        <FileLabel
          file={row.file}
          name={row.name}
          problems={props.problems}
          git={props.git}
          unsaved={props.unsaved}
        />
      )}
    </div>
  );
}

const GIT_LABEL: Record<GitState, { mark: string; words: string }> = {
  new: { mark: 'N', words: 'new, not committed' },
  modified: { mark: 'M', words: 'modified since the last commit' },
  deleted: { mark: 'D', words: 'deleted' },
};

function FileLabel(props: {
  file: SpecFile;
  name: string;
  problems: Problems | undefined;
  git: GitState | undefined;
  unsaved: boolean;
}) {
  const { file, problems, git } = props;
  const title = file.title !== props.name.replace(/\.md$/i, '') ? file.title : null;
  return (
    <>
      <span className="tree-name" title={file.path}>
        {props.name}
        {props.unsaved && (
          <span className="unsaved-dot" title="Unsaved changes">
            {' '}
            ●<span className="visually-hidden"> unsaved changes</span>
          </span>
        )}
      </span>
      {title && <span className="tree-title">{title}</span>}
      <span className="tree-badges">
        {file.type && <span className={`badge badge-${file.type}`}>{file.type}</span>}
        {file.status && <span className="badge badge-status">{file.status}</span>}
        {file.problem && (
          <span className="badge badge-problem" title={file.problem}>
            frontmatter
          </span>
        )}
        <CountBadge count={problems?.errors ?? 0} kind="errors" />
        <CountBadge count={problems?.warnings ?? 0} kind="warnings" />
        {git && (
          <span className={`badge badge-git badge-git-${git}`} title={GIT_LABEL[git].words}>
            <span aria-hidden="true">{GIT_LABEL[git].mark}</span>
            <span className="visually-hidden">{GIT_LABEL[git].words}</span>
          </span>
        )}
      </span>
    </>
  );
}

/** "2E": two lint errors (said in words to screen readers). */
function CountBadge({ count, kind }: { count: number; kind: 'errors' | 'warnings' }) {
  if (count === 0) return null;
  return (
    <span className={`badge badge-${kind}`} title={`Lint ${kind}`}>
      {count}
      <span className="visually-hidden"> lint {kind}</span>
      <span aria-hidden="true">{kind === 'errors' ? 'E' : 'W'}</span>
    </span>
  );
}

/**
 * Errors and warnings per file: the workspace lint from when the view opened, and the live lint
 * of each document edited since.
 */
function useProblems(): Map<string, Problems> {
  const lint = useCairn((s) => s.lint);
  const live = useCairn((s) => s.liveCounts);
  return useMemo(() => {
    const counts = new Map<string, Problems>();
    for (const [path, findings] of findingsByPath(lint?.findings ?? [])) {
      let errors = 0;
      let warnings = 0;
      for (const f of findings) {
        if (f.severity === 'error') errors++;
        else if (f.severity === 'warning') warnings++;
      }
      counts.set(path, { errors, warnings });
    }
    for (const [path, problems] of Object.entries(live)) counts.set(path, problems);
    return counts;
  }, [lint, live]);
}

function useUnsavedPaths(): Set<string> {
  const drafts = useCairn((s) => s.drafts);
  const dirtyPath = useCairn((s) => (isDirty(s.document) ? (s.document?.path ?? null) : null));
  return useMemo(() => {
    const paths = new Set(Object.keys(drafts));
    if (dirtyPath) paths.add(dirtyPath);
    return paths;
  }, [drafts, dirtyPath]);
}
