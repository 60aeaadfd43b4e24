import { useEffect } from 'react';
import { NewRunForm } from '../components/runs/NewRunForm.tsx';
import { RunList } from '../components/runs/RunList.tsx';
import { RunPanel } from '../components/runs/RunPanel.tsx';
import { RunPreview } from '../components/runs/RunPreview.tsx';
import { useCairn } from '../state/store.ts';
import '../styles/view-buttons.css';
import '../styles/runs.css';
import { ErrorNotice } from '../components/ErrorNotice.tsx';

export function RunsView() {
  const watchRuns = useCairn((s) => s.watchRuns);
  const loadRunner = useCairn((s) => s.loadRunner);
  const loadRuns = useCairn((s) => s.loadRuns);
  const runRequest = useCairn((s) => s.runRequest);
  const clearRunRequest = useCairn((s) => s.clearRunRequest);
  const choose = useCairn((s) => s.chooseRun);
  const detail = useCairn((s) => s.runDetail);
  const openId = useCairn((s) => s.openRunId);
  const error = useCairn((s) => s.runsError);
  const notice = useCairn((s) => s.runsNotice);

  useEffect(() => {
    watchRuns();
    void loadRunner();
    void loadRuns();
  }, [watchRuns, loadRunner, loadRuns]);

  useEffect(() => {
    // Another view asked for a run (the Review view's "Run spec-review"): preselect it.
    if (!runRequest) return;
    choose({ workflowId: runRequest.workflowId, itemId: runRequest.itemId });
    clearRunRequest();
  }, [runRequest, choose, clearRunRequest]);

  return (
    <section className="view runs" aria-labelledby="runs-view-title">
      <div className="runs-side">
        <h1 id="runs-view-title">Runs</h1>
        <p className="muted">
          Workflows run their passes on this machine. Nothing is written to your files until you
          accept it.
        </p>
        {error && <ErrorNotice error={error} />}
        {notice && (
          <p className="notice" role="status">
            {notice}
          </p>
        )}
        <NewRunForm />
        <RunList />
      </div>
      <div className="runs-main">
        {detail ? (
          <RunPanel run={detail} />
        ) : openId ? (
          <p className="muted">Loading {openId}…</p>
        ) : (
          <RunPreview />
        )}
      </div>
    </section>
  );
}
