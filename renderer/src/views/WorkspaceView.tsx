import { useCallback, useEffect, useRef } from 'react';
import { AssistPanel } from '../components/assist/AssistPanel.tsx';
import { NewDocumentButton } from '../components/assist/NewDocument.tsx';
import { FileViewer } from '../components/FileViewer.tsx';
import { LintSummary } from '../components/LintSummary.tsx';
import { SpecList } from '../components/SpecList.tsx';
import { SyncButton } from '../components/sync/SyncButton.tsx';
import { useCairn } from '../state/store.ts';

export function WorkspaceView() {
  const workspace = useCairn((s) => s.info?.workspace ?? null);
  const files = useCairn((s) => s.files.length);
  const scanWorkspace = useCairn((s) => s.scanWorkspace);
  const runLint = useCairn((s) => s.runLint);
  const scanDone = useCairn((s) => s.scan.state === 'done');
  const root = workspace?.root;
  const stopScan = useRef<(() => void) | null>(null);

  const rescan = useCallback(() => {
    stopScan.current?.();
    stopScan.current = scanWorkspace();
  }, [scanWorkspace]);

  useEffect(() => {
    if (!root) return;
    rescan();
    return () => stopScan.current?.();
  }, [root, rescan]);

  useEffect(() => {
    if (root && scanDone) void runLint();
  }, [root, scanDone, runLint]);

  // Assist (issue 8, journey 1) — mounted here until the side panel with tabs takes it.
  const selectedPath = useCairn((s) => s.selectedPath);
  const fileText = useCairn((s) => s.fileText);
  const selectFile = useCairn((s) => s.selectFile);
  const reload = useCallback(
    (path: string) => {
      rescan();
      void selectFile(path);
    },
    [rescan, selectFile],
  );
  const reloadSelected = useCallback(() => {
    rescan();
    const path = useCairn.getState().selectedPath;
    if (path) void selectFile(path);
  }, [rescan, selectFile]);

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
  const assisting = selectedPath !== null && fileText !== null;
  return (
    <section
      className={assisting ? 'view workspace with-assist' : 'view workspace'}
      aria-labelledby="workspace-title"
    >
      <aside className="sidebar">
        <h1 id="workspace-title" title={workspace.root}>
          {workspace.name}
        </h1>
        <div className="workspace-toolbar">
          <NewDocumentButton onCreated={reload} />
          <SyncButton onShared={reloadSelected} />
        </div>
        <p className="muted">
          {files} spec files <LintSummary />
        </p>
        <SpecList />
      </aside>
      {/* Scrolls on its own, so it takes the focus for keyboard scrolling. */}
      <div className="content" tabIndex={0} role="region" aria-label="Spec text">
        <FileViewer />
      </div>
      {assisting && (
        <aside className="assist-host">
          <AssistPanel path={selectedPath} text={fileText} onDocumentChanged={reload} />
        </aside>
      )}
    </section>
  );
}
