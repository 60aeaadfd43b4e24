import { useEffect, useRef, useState } from 'react';
import type { RunDetail } from '../../../../electron/ipc/contract/runs.ts';
import { useCairn } from '../../state/store.ts';
import { ConfirmDialog } from '../ConfirmDialog.tsx';
import { formatMoney } from '../money.ts';
import { ChangeList } from './ChangeList.tsx';
import { GatePanel } from './GatePanel.tsx';
import { RunTimeline } from './RunTimeline.tsx';
import { formatSeconds, formatTokens, runStateLabel, runStateTone } from './run-words.ts';

const FINAL = new Set(['completed', 'cancelled']);

function Escalation({ run }: { run: RunDetail }) {
  const escalate = useCairn((s) => s.escalateRun);
  const busy = useCairn((s) => s.runsBusy);
  const { passId, tiers, note } = run.escalation;
  if (!passId || !['waiting', 'blocked', 'failed'].includes(run.status)) return null;
  return (
    <div className="escalation">
      {tiers.map((tier) => (
        <button
          key={tier}
          type="button"
          disabled={busy !== null}
          onClick={() => void escalate(passId, tier)}
        >
          Run “{passId}” on the {tier} model
        </button>
      ))}
      <p className="muted small">{note}</p>
    </div>
  );
}

function ContinueButton({ how, children }: { how: 'resume' | 'retry'; children: string }) {
  const continueRun = useCairn((s) => s.continueRun);
  const busy = useCairn((s) => s.runsBusy);
  return (
    <button
      type="button"
      className="primary"
      disabled={busy !== null}
      onClick={() => void continueRun(how)}
    >
      {children}
    </button>
  );
}

/** What the run waits for, in words, with the action that moves it on. */
function NextStep({ run }: { run: RunDetail }) {
  const setView = useCairn((s) => s.setView);
  if (run.status === 'running' && !run.active) {
    return (
      <div className="next-step" role="status">
        <p>
          Interrupted: the app stopped while this run was at work. It continues from its last
          finished pass.
        </p>
        <ContinueButton how="resume">Continue the run</ContinueButton>
      </div>
    );
  }
  if (run.status === 'deferred') {
    return (
      <div className="next-step" role="status">
        <p>
          {run.error ?? 'A pass waits.'}{' '}
          {run.consentWaiting > 0
            ? `${run.consentWaiting} request${run.consentWaiting === 1 ? '' : 's'} of this run wait${run.consentWaiting === 1 ? 's' : ''} in the Consent view; the run goes on by itself once you have decided.`
            : 'Continue the run when what it waits for is there.'}
        </p>
        <div className="button-row">
          <button type="button" onClick={() => setView('consent')}>
            Open the Consent view (Alt+8)
          </button>
          <ContinueButton how="resume">Continue the run</ContinueButton>
        </div>
      </div>
    );
  }
  if (run.status === 'failed') {
    return (
      <div className="next-step" role="alert">
        <p className="error">{run.error}</p>
        <p className="muted small">Earlier results are kept; the failed pass runs again.</p>
        <ContinueButton how="retry">Retry the pass</ContinueButton>
      </div>
    );
  }
  if (run.status === 'cancelled') return <p className="muted">{run.error ?? 'Cancelled.'}</p>;
  if (run.status === 'completed') return <p className="notice">Every pass has run.</p>;
  return null;
}

/** One run: where it stands, its passes, the gate it waits at and its proposed changes. */
export function RunPanel({ run }: { run: RunDetail }) {
  const cancelRun = useCairn((s) => s.cancelRun);
  const busy = useCairn((s) => s.runsBusy);
  const [confirmCancel, setConfirmCancel] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    // A newly opened run takes the focus, so the keyboard is where the eyes are.
    heading.current?.focus();
  }, [run.id]);
  const t = run.totals;
  const gateOpen = run.status === 'waiting' || run.status === 'blocked';
  return (
    <article className="run-panel" aria-labelledby="run-title">
      <header className="run-header">
        <div>
          <h2 id="run-title" ref={heading} tabIndex={-1}>
            {run.workflowTitle} <span className="run-id">{run.id}</span>
          </h2>
          <p className="muted small">
            {run.item ? `${run.item.id} “${run.item.title}”` : 'No work item (whole workspace)'} ·{' '}
            {run.model ? `model ${run.model}` : 'no model'} · started{' '}
            {new Date(run.createdAt).toLocaleString()}
          </p>
        </div>
        <div className="run-header-actions">
          <span className={`state-badge ${runStateTone(run)}`}>{runStateLabel(run)}</span>
          {!FINAL.has(run.status) && (
            <button
              type="button"
              className="danger"
              disabled={busy === 'cancel'}
              onClick={() => setConfirmCancel(true)}
            >
              Cancel run
            </button>
          )}
        </div>
      </header>
      <dl className="run-totals">
        <div>
          <dt>Tokens</dt>
          <dd>
            {formatTokens(t.inputTokens)} in · {formatTokens(t.outputTokens)} out
            {run.estimate && (
              <span className="muted small">
                {' '}
                (estimate ~{formatTokens(run.estimate.inputTokens)} in, ≤
                {formatTokens(run.estimate.outputTokens)} out)
              </span>
            )}
          </dd>
        </div>
        <div>
          <dt>Time</dt>
          <dd>
            {formatSeconds(t.passMs / 1000)}
            {run.estimate && run.estimate.seconds > 0 && (
              <span className="muted small"> (estimate {formatSeconds(run.estimate.seconds)})</span>
            )}
          </dd>
        </div>
        <div>
          <dt>Cost</dt>
          <dd>{formatMoney(t.money, t.currency)}</dd>
        </div>
      </dl>
      <NextStep run={run} />
      {gateOpen && <GatePanel key={`${run.id}:${run.nextPass}`} run={run} />}
      <Escalation run={run} />
      <RunTimeline run={run} />
      <ChangeList changes={run.changes} />
      {confirmCancel && (
        <ConfirmDialog
          title={`Stop ${run.id} for good?`}
          confirmLabel="Stop the run"
          onCancel={() => setConfirmCancel(false)}
          onConfirm={() => {
            setConfirmCancel(false);
            void cancelRun();
          }}
        >
          <p>
            A model call in progress is stopped now. Finished passes and accepted changes are kept;
            the run cannot be continued.
          </p>
        </ConfirmDialog>
      )}
    </article>
  );
}
