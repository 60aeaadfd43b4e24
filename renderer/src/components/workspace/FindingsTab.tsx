// The open document's lint findings, live as it is typed: each one goes to its line, and a
// finding with a mechanical fix can be fixed from here (the same fix as in the editor).
import { useMemo } from 'react';
import { applyEdits } from '../../../../workflows/lint/apply-fixes.ts';
import type { Finding } from '../../../../workflows/lint/finding.ts';
import { findingsOf } from '../../state/selectors.ts';
import { useCairn } from '../../state/store.ts';

export function FindingsTab() {
  const document = useCairn((s) => s.document);
  const live = useCairn((s) => s.liveLint);
  const lint = useCairn((s) => s.lint);
  const contextError = useCairn((s) => s.lintContextError);
  const openDocument = useCairn((s) => s.openDocument);
  const replaceDocument = useCairn((s) => s.replaceDocument);
  const path = document?.path ?? null;
  const isLive = live !== null && live.path === path;
  const saved = useMemo(() => findingsOf(lint, path), [lint, path]);
  if (!document) return <p className="muted">Open a spec to see its findings.</p>;
  if (document.readOnly) return <p className="muted">Code files are not linted.</p>;
  const findings: readonly Finding[] = isLive ? live.findings : (saved as readonly Finding[]);
  // A fix is offered only while the findings describe the text in the editor.
  const current = isLive && live.text === document.text;
  return (
    <div className="findings-tab">
      {contextError && (
        <p className="error" role="alert">
          Cannot lint against the workspace: {contextError.message}
        </p>
      )}
      <p className="muted small" aria-live="polite">
        {findings.length === 0
          ? 'No findings: the linter has nothing to say about this spec.'
          : `${findings.length} ${findings.length === 1 ? 'finding' : 'findings'}${isLive ? ` · checked in ${Math.max(1, Math.round(live.elapsedMs))} ms as you type` : ''}`}
      </p>
      <ul className="finding-list" aria-label="Findings in this spec">
        {findings.map((f) => (
          <li
            key={`${f.ruleId}:${f.range.start.line}:${f.range.start.column}:${f.message}`}
            className={`finding finding-${f.severity}`}
          >
            <button
              type="button"
              className="finding-go"
              onClick={() => void openDocument(document.path, { line: f.range.start.line })}
            >
              <span className={`severity severity-${f.severity}`}>{f.severity}</span>
              <span className="finding-rule">{f.ruleId}</span>
              <span className="finding-where">line {f.range.start.line}</span>
              <span className="finding-message">{f.message}</span>
            </button>
            {f.fix && (
              <button
                type="button"
                className="finding-fix-button"
                disabled={!current}
                title={current ? undefined : 'Checking the latest edits…'}
                onClick={() => {
                  if (!f.fix) return;
                  replaceDocument(document.path, applyEdits(document.text, f.fix.edits).text);
                }}
              >
                Fix: {f.fix.description}
              </button>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
