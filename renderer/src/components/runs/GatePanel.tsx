import { useState } from 'react';
import type { PassView, RunDetail } from '../../../../electron/ipc/contract/runs.ts';
import { useCairn } from '../../state/store.ts';
import { ConfirmDialog } from '../ConfirmDialog.tsx';

type Question = PassView['questions'][number];

function QuestionField({
  question,
  value,
  onChange,
}: {
  question: Question;
  value: string;
  onChange(value: string): void;
}) {
  if (question.options.length === 0) {
    return (
      <div className="question">
        <label htmlFor={`answer-${question.id}`}>
          {question.id}. {question.question}
        </label>
        <input
          id={`answer-${question.id}`}
          type="text"
          value={value}
          onChange={(e) => onChange(e.target.value)}
        />
        <p className="muted small">
          Recommended: {question.recommended}. {question.reason}
        </p>
      </div>
    );
  }
  return (
    <fieldset className="question">
      <legend>
        {question.id}. {question.question}
      </legend>
      {question.options.map((o) => (
        <label key={o.key} className="option">
          <input
            type="radio"
            name={`answer-${question.id}`}
            value={o.key}
            checked={value === o.key}
            onChange={() => onChange(o.key)}
          />
          <span>
            <b>{o.key}</b> {o.text}
            {o.key === question.recommended && (
              <span className="chip chip-accepted">recommended</span>
            )}
          </span>
        </label>
      ))}
      <p className="muted small">
        Why {question.recommended}: {question.reason}
      </p>
    </fieldset>
  );
}

/** The gate a run stopped at: its criteria with the numbers, its questions, and the decision. */
export function GatePanel({ run }: { run: RunDetail }) {
  const pass = run.passes[run.nextPass - 1];
  const decideGate = useCairn((s) => s.decideGate);
  const continueRun = useCairn((s) => s.continueRun);
  const busy = useCairn((s) => s.runsBusy);
  const [answers, setAnswers] = useState<Record<string, string>>(() =>
    Object.fromEntries((pass?.questions ?? []).map((q) => [q.id, q.recommended])),
  );
  const [confirmReject, setConfirmReject] = useState(false);
  if (!pass?.gate) return null;
  const waiting = run.status === 'waiting';
  const failed = pass.gate.auto.filter((c) => !c.ok);
  return (
    <section className="panel gate" aria-labelledby="gate-title">
      <h2 id="gate-title">
        {waiting ? 'Waiting for your approval' : 'Blocked at the gate'} after “{pass.title}”
      </h2>
      {pass.gate.auto.length > 0 && (
        <ul className="criteria" aria-label="Automatic criteria">
          {pass.gate.auto.map((c) => (
            <li key={c.criterion} className={c.ok ? 'criterion ok' : 'criterion fail'}>
              <span className="criterion-mark">{c.ok ? 'Pass' : 'Fail'}</span>
              <code>{c.criterion}</code>
              <span>{c.detail}</span>
            </li>
          ))}
        </ul>
      )}
      {pass.gateDefinition?.human && (
        <p className="muted">
          A person approves this step
          {waiting ? '' : ' once the automatic criteria pass or are overridden'}.
          {pass.summary ? ` The pass says: ${pass.summary}` : ''}
        </p>
      )}
      {waiting && pass.questions.length > 0 && (
        <div className="questions">
          <p>
            The pass asks {pass.questions.length} question{pass.questions.length === 1 ? '' : 's'};
            the recommended answers are chosen. Your answers are recorded in the spec.
          </p>
          {pass.questions.map((q) => (
            <QuestionField
              key={q.id}
              question={q}
              value={answers[q.id] ?? q.recommended}
              onChange={(value) => setAnswers((a) => ({ ...a, [q.id]: value }))}
            />
          ))}
        </div>
      )}
      <div className="button-row">
        {waiting ? (
          <>
            <button
              type="button"
              className="primary"
              disabled={busy !== null}
              onClick={() => void decideGate('approve', answers)}
            >
              Approve and continue
            </button>
            <button type="button" disabled={busy !== null} onClick={() => setConfirmReject(true)}>
              Reject…
            </button>
          </>
        ) : (
          <>
            <button
              type="button"
              className="primary"
              disabled={busy !== null}
              onClick={() => void continueRun('retry')}
            >
              Retry “{pass.title}”
            </button>
            <button
              type="button"
              disabled={busy !== null}
              onClick={() => void continueRun('override')}
            >
              Override and continue
            </button>
          </>
        )}
      </div>
      {!waiting && failed.length > 0 && (
        <p className="muted small">
          Retry runs the pass again (after you fixed its input). Override goes on although{' '}
          {failed.length === 1 ? 'a criterion fails' : `${failed.length} criteria fail`}: you have
          looked and accept the risk.
        </p>
      )}
      {confirmReject && (
        <ConfirmDialog
          title="Reject this gate?"
          confirmLabel="Reject and stop the run"
          onCancel={() => setConfirmReject(false)}
          onConfirm={() => {
            setConfirmReject(false);
            void decideGate('reject');
          }}
        >
          <p>
            The run stops for good. Changes already accepted stay in the files; undecided ones are
            not written.
          </p>
        </ConfirmDialog>
      )}
    </section>
  );
}
