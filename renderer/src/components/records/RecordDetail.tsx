import { useEffect, useRef } from 'react';
import { formatReplayText } from '../../../../workflows/records/replay-text.ts';
import { useCairn } from '../../state/store.ts';
import { CopyButton } from './CopyButton.tsx';
import { envelopeOutcome, formatTime, OUTCOME_LABEL } from './format.ts';
import { MessageList } from './MessageList.tsx';
import { RecordComparisonView } from './RecordComparisonView.tsx';
import { RecordFacts } from './RecordFacts.tsx';
import { RerunPanel } from './RerunPanel.tsx';
import { TextBlock } from './TextBlock.tsx';
import { UsageFacts } from './UsageFacts.tsx';

/** One recorded call, exactly: what the model received, what it returned, and what it cost. */
export function RecordDetail({ onBack }: { onBack(): void }) {
  const detail = useCairn((s) => s.recordDetail);
  const error = useCairn((s) => s.recordDetailError);
  const openId = useCairn((s) => s.openRecordId);
  const comparison = useCairn((s) => s.recordComparison);
  const rerun = useCairn((s) => s.rerun);
  const openRecord = useCairn((s) => s.openRecord);
  const heading = useRef<HTMLHeadingElement>(null);
  const shownId = detail?.envelope.id ?? null;

  useEffect(() => {
    if (shownId) heading.current?.focus();
  }, [shownId]);

  const back = (
    <div className="records-detail-bar">
      <button type="button" onClick={onBack} aria-keyshortcuts="Escape">
        ← All records
      </button>
    </div>
  );
  if (error) {
    return (
      <>
        {back}
        <p className="error" role="alert">
          {error.message}
        </p>
      </>
    );
  }
  if (!detail) {
    return (
      <>
        {back}
        <p className="muted">Loading call {openId}…</p>
      </>
    );
  }
  const e = detail.envelope;
  const outcome = envelopeOutcome(e);
  const done = rerun?.status === 'done' && rerun.sourceId === e.id ? rerun : null;
  return (
    <article className="records-detail" aria-labelledby="record-title">
      {back}
      <header className="records-detail-head">
        <h2 id="record-title" ref={heading} tabIndex={-1}>
          Call <span className="records-mono">{e.id}</span>
        </h2>
        <span className={`records-outcome outcome-${outcome}`}>{OUTCOME_LABEL[outcome]}</span>
        {e.rerunOf && <span className="records-tag">re-run</span>}
        <span className="records-head-actions">
          <CopyButton text={e.id} what="call id" label="Copy id" />
          <CopyButton
            text={formatReplayText(e).join('\n')}
            what="the call as text"
            label="Copy as text"
          />
          <CopyButton text={JSON.stringify(e, null, 2)} what="the record" label="Copy as JSON" />
        </span>
      </header>
      <p className="muted">
        Recorded {formatTime(e.createdAt)}. Replaying shows what was stored; nothing is sent to a
        model.
      </p>
      {e.error && (
        <p className="error">
          <strong>The output could not be used:</strong> {e.error}
        </p>
      )}
      {e.cachedFrom && (
        <p>
          Answered from the cache: no model was called, the output is that of call{' '}
          <button
            type="button"
            className="link-button records-mono"
            onClick={() => void openRecord(e.cachedFrom!)}
          >
            {e.cachedFrom}
          </button>
          .
        </p>
      )}
      {e.rerunOf && (
        <p>
          A re-run of call{' '}
          <button
            type="button"
            className="link-button records-mono"
            onClick={() => void openRecord(e.rerunOf!)}
          >
            {e.rerunOf}
          </button>{' '}
          on another model; the two are compared below.
        </p>
      )}

      <RecordFacts detail={detail} />

      <section className="records-section" aria-labelledby="record-messages">
        <div className="records-block-head">
          <h3 id="record-messages">What the model received: {e.messages.length} messages</h3>
          <CopyButton text={JSON.stringify(e.messages, null, 2)} what="all messages as JSON" />
        </div>
        <MessageList messages={e.messages} />
        {e.params.jsonSchema && (
          <details className="records-schema">
            <summary>
              JSON schema {e.params.schemaName ?? ''}: the grammar the output was decoded under
            </summary>
            <TextBlock
              title="JSON schema"
              what="JSON schema"
              text={JSON.stringify(e.params.jsonSchema, null, 2)}
            />
          </details>
        )}
        {e.retrieved.length > 0 && (
          <>
            <h4>Built from</h4>
            <ul className="records-retrieved">
              {e.retrieved.map((c) => (
                <li key={`${c.path}#${c.section ?? ''}`}>
                  <code>{c.path}</code>
                  {c.section && <span> § {c.section}</span>}
                  <span className="muted">
                    {' '}
                    at {c.commit ?? 'uncommitted changes'} · SHA-256{' '}
                    <code>{c.sha256.slice(0, 12)}…</code>
                  </span>
                </li>
              ))}
            </ul>
          </>
        )}
      </section>

      <section className="records-section" aria-labelledby="record-output">
        <h3 id="record-output">What it returned (replay)</h3>
        <TextBlock
          title="Raw output"
          what="raw output"
          text={e.output.text}
          note={`stop: ${e.output.stopReason}`}
        />
        {e.output.json !== null && (
          <TextBlock
            title="Parsed value"
            what="parsed value"
            text={JSON.stringify(e.output.json, null, 2)}
          />
        )}
      </section>

      <section className="panel" aria-labelledby="record-usage">
        <h3 id="record-usage">Tokens, time and cost</h3>
        <UsageFacts envelope={e} />
      </section>

      <RerunPanel source={e} />
      {done && (
        <p role="status" className="notice">
          Re-run finished and recorded as call {done.rerunId}.
        </p>
      )}
      {comparison && <RecordComparisonView comparison={comparison} />}
    </article>
  );
}
