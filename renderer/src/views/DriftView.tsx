import { useEffect, useState } from 'react';
import { CoverageMatrix } from '../components/drift/CoverageMatrix.tsx';
import { DriftProgressPanel } from '../components/drift/DriftProgressPanel.tsx';
import { FindingGroups } from '../components/drift/FindingGroups.tsx';
import { Tabs } from '../components/drift/Tabs.tsx';
import { useCairn } from '../state/store.ts';
import '../styles/drift.css';

const HINTS: Record<string, string> = {
  not_a_repository:
    'Drift compares specs with the git history: open a folder in a git repository, or initialise one.',
  no_workspace: 'Open a folder of specs first (Workspace, Alt+1).',
};

export function DriftView() {
  const report = useCairn((s) => s.driftReport);
  const running = useCairn((s) => s.driftRunning);
  const error = useCairn((s) => s.driftError);
  const notice = useCairn((s) => s.driftNotice);
  const runDrift = useCairn((s) => s.runDrift);
  const [tab, setTab] = useState<'findings' | 'coverage'>('findings');

  useEffect(() => {
    // The check is local and incremental: run it whenever the view opens.
    runDrift();
  }, [runDrift]);

  const fresh = report?.findings.filter((f) => f.state === 'new').length ?? 0;
  const untested = report?.coverage.filter((r) => r.tests.length === 0).length ?? 0;
  return (
    <section className="view drift" aria-labelledby="drift-view-title">
      <header className="drift-head">
        <div>
          <h1 id="drift-view-title">Drift</h1>
          <p className="muted">
            Code that changed since the spec that covers it, specs that changed without code, and
            the requirements code and tests cite. Only committed history counts.
          </p>
        </div>
        <button type="button" onClick={runDrift} disabled={running}>
          Check again
        </button>
      </header>
      {running && <DriftProgressPanel />}
      {error && (
        <div className="error" role="alert">
          <p>{error.message}</p>
          {HINTS[error.code] && <p>{HINTS[error.code]}</p>}
        </div>
      )}
      <div role="status" className="notice">
        {notice}
      </div>
      {report && (
        <>
          <p className="drift-summary">
            At <code>{report.head.slice(0, 8)}</code>: <strong>{fresh} new</strong>,{' '}
            {report.findings.length - fresh} accepted · {report.stats.specs} specs with covers,{' '}
            {report.stats.requirements} requirements, {report.stats.commitsIndexed} commits
          </p>
          {report.baselineProblem && (
            <p className="warn-note" role="alert">
              The baseline file could not be read, so every finding shows as new:{' '}
              {report.baselineProblem}
            </p>
          )}
          <Tabs<'findings' | 'coverage'>
            label="Drift report"
            selected={tab}
            onSelect={setTab}
            tabs={[
              {
                id: 'findings',
                label: `Findings by spec (${fresh} new)`,
                panel: <FindingGroups findings={report.findings} />,
              },
              {
                id: 'coverage',
                label: `Requirement coverage (${untested} without a test)`,
                panel: <CoverageMatrix rows={report.coverage} />,
              },
            ]}
          />
        </>
      )}
    </section>
  );
}
