import { useEffect } from 'react';
import { FileViewer } from '../components/FileViewer.tsx';
import { LintSummary } from '../components/LintSummary.tsx';
import { SpecList } from '../components/SpecList.tsx';
import { useCairn } from '../state/store.ts';

export function WorkspaceView() {
  const workspace = useCairn((s) => s.info?.workspace ?? null);
  const files = useCairn((s) => s.files.length);
  const scanWorkspace = useCairn((s) => s.scanWorkspace);
  const runLint = useCairn((s) => s.runLint);
  const scanDone = useCairn((s) => s.scan.state === 'done');
  const root = workspace?.root;

  useEffect(() => {
    if (!root) return;
    return scanWorkspace();
  }, [root, scanWorkspace]);

  useEffect(() => {
    if (root && scanDone) void runLint();
  }, [root, scanDone, runLint]);

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
    <section className="view workspace" aria-labelledby="workspace-title">
      <aside className="sidebar">
        <h1 id="workspace-title" title={workspace.root}>
          {workspace.name}
        </h1>
        <p className="muted">
          {files} spec files <LintSummary />
        </p>
        <SpecList />
      </aside>
      {/* Scrolls on its own, so it takes the focus for keyboard scrolling. */}
      <div className="content" tabIndex={0} role="region" aria-label="Spec text">
        <FileViewer />
      </div>
    </section>
  );
}
