// The Workspace view (Alt+1): the file tree (or search results) | the editor | the side panel.
import { useEffect, useRef } from 'react';
import { NewDocumentButton } from '../components/assist/NewDocument.tsx';
import { LintSummary } from '../components/LintSummary.tsx';
import { SyncButton } from '../components/sync/SyncButton.tsx';
import { EditorBar } from '../components/workspace/EditorBar.tsx';
import { FileTree } from '../components/workspace/FileTree.tsx';
import { SearchBox, SearchResults } from '../components/workspace/SearchPanel.tsx';
import { SidePanel } from '../components/workspace/SidePanel.tsx';
import { SpecEditor } from '../components/workspace/SpecEditor.tsx';
import { isDirty } from '../state/editor-slice.ts';
import { useCairn } from '../state/store.ts';
import '../styles/workspace.css';

export function WorkspaceView() {
  const workspace = useCairn((s) => s.info?.workspace ?? null);
  const root = workspace?.root;
  useWorkspaceData(root);
  useWorkspaceKeys();
  const tree = useRef<HTMLDivElement>(null);
  const openDocument = useCairn((s) => s.openDocument);
  const showSidePanelTab = useCairn((s) => s.showSidePanelTab);
  const filesChangedOnDisk = useCairn((s) => s.filesChangedOnDisk);

  if (!workspace) {
    return (
      <section className="view empty">
        <h1>No workspace open</h1>
        <p>
          Start Cairn with a folder of specs: <code>cairn serve path/to/specs</code>.
        </p>
      </section>
    );
  }
  return (
    <section className="view workspace-editor" aria-labelledby="workspace-title">
      <div className="tree-panel">
        <header className="tree-head">
          <h1 id="workspace-title" title={workspace.root}>
            {workspace.name}
          </h1>
          <WorkspaceCounts />
          <div className="workspace-toolbar">
            <NewDocumentButton
              onCreated={(path) => {
                void openDocument(path);
                showSidePanelTab('assist');
              }}
            />
            <SyncButton
              onShared={() => {
                const open = useCairn.getState().document;
                if (open) void filesChangedOnDisk([open.path]);
              }}
            />
          </div>
        </header>
        <SearchBox
          onLeave={() => tree.current?.querySelector<HTMLElement>('.file-tree')?.focus()}
        />
        <div className="tree-body" ref={tree}>
          <TreeOrResults />
        </div>
        <Shortcuts />
      </div>
      <div className="editor-column">
        <EditorArea />
      </div>
      <SidePanel />
    </section>
  );
}

/** Listing, workspace lint, git state, the core's index and the live linter's context. */
function useWorkspaceData(root: string | undefined) {
  const scanWorkspace = useCairn((s) => s.scanWorkspace);
  const watchWorkspace = useCairn((s) => s.watchWorkspace);
  const runLint = useCairn((s) => s.runLint);
  const loadGitStatus = useCairn((s) => s.loadGitStatus);
  const loadLintContext = useCairn((s) => s.loadLintContext);
  const scanDone = useCairn((s) => s.scan.state === 'done');
  useEffect(() => {
    if (!root) return;
    const stopScan = scanWorkspace();
    const stopWatch = watchWorkspace();
    void loadGitStatus();
    void loadLintContext();
    return () => {
      stopScan();
      stopWatch();
    };
  }, [root, scanWorkspace, watchWorkspace, loadGitStatus, loadLintContext]);
  useEffect(() => {
    if (root && scanDone) void runLint();
  }, [root, scanDone, runLint]);
}

/** Ctrl+K / Ctrl+Shift+F: search; Ctrl+S: save (also when the focus is outside the editor). */
function useWorkspaceKeys() {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const mod = event.ctrlKey || event.metaKey;
      if (!mod) return;
      const key = event.key.toLowerCase();
      if ((key === 'k' && !event.shiftKey) || (key === 'f' && event.shiftKey)) {
        event.preventDefault();
        useCairn.getState().focusSearch();
      } else if (key === 's' && !event.shiftKey) {
        event.preventDefault();
        const state = useCairn.getState();
        if (isDirty(state.document)) void state.saveDocument();
      }
    };
    // Capture: before the editor, which would otherwise keep Ctrl+K for itself.
    window.addEventListener('keydown', onKey, { capture: true });
    return () => window.removeEventListener('keydown', onKey, { capture: true });
  }, []);
}

function WorkspaceCounts() {
  const files = useCairn((s) => s.files.length);
  const index = useCairn((s) => s.index);
  return (
    <p className="muted small">
      {files.toLocaleString()} spec files <LintSummary />
      {index.state === 'building' && <span> · indexing…</span>}
      {index.state === 'error' && (
        <span className="error"> · search unavailable: {index.message}</span>
      )}
    </p>
  );
}

function TreeOrResults() {
  const searching = useCairn((s) => s.searchQuery.trim() !== '');
  const scan = useCairn((s) => s.scan);
  const files = useCairn((s) => s.files.length);
  const error = useCairn((s) => s.filesError);
  if (searching) return <SearchResults />;
  if (error)
    return (
      <p className="error" role="alert">
        {error.message}
      </p>
    );
  if (scan.state === 'scanning' && files === 0) {
    return (
      <p className="muted" aria-live="polite">
        Reading the workspace… {scan.scanned.toLocaleString()} entries,{' '}
        {scan.found.toLocaleString()} specs
      </p>
    );
  }
  if (scan.state === 'done' && files === 0) {
    return <p className="muted">No Markdown specs in this folder yet.</p>;
  }
  return <FileTree />;
}

function EditorArea() {
  const state = useCairn((s) => s.documentState);
  const error = useCairn((s) => s.documentError);
  const hasDocument = useCairn((s) => s.document !== null);
  return (
    <>
      <EditorBar />
      {state === 'error' && (
        <p className="error editor-message" role="alert">
          {error?.message}
        </p>
      )}
      {!hasDocument && state !== 'error' && (
        <p className="muted editor-message">
          {state === 'loading'
            ? 'Opening…'
            : 'Choose a spec in the tree (arrow keys and Enter), or search with Ctrl+K.'}
        </p>
      )}
      <SpecEditor />
    </>
  );
}

function Shortcuts() {
  return (
    <details className="shortcuts">
      <summary>Keyboard shortcuts</summary>
      <dl>
        <dt>Ctrl+K, Ctrl+Shift+F</dt>
        <dd>Search the specs</dd>
        <dt>↑ ↓ ← → Enter</dt>
        <dd>Move in the tree, open a file</dd>
        <dt>Ctrl+S</dt>
        <dd>Save</dd>
        <dt>Ctrl+click, F12</dt>
        <dd>References of a requirement ID</dd>
        <dt>Ctrl+Shift+M</dt>
        <dd>All findings of the file in the editor</dd>
        <dt>Alt+1…9</dt>
        <dd>Switch views</dd>
      </dl>
    </details>
  );
}
