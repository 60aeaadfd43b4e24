import { useEffect, useRef } from 'react';
import type { EgressRequestView } from '../../../electron/ipc/contract/consent.ts';
import type { ConsentDecision } from '../state/consent-slice.ts';
import { formatMoney } from './money.ts';

interface Props {
  request: EgressRequestView;
  onDecide(decision: ConsentDecision): void;
  onClose(): void;
}

/**
 * Everything the user must see before a request leaves the machine: where it goes, which
 * model answers, why, the exact body after redaction, what was redacted, and what it may cost.
 */
export function ConsentDialog({ request, onDecide, onClose }: Props) {
  const deny = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    // The safe choice has the focus: Enter by habit never sends anything.
    deny.current?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);
  const e = request.estimate;
  const redacted = Object.entries(request.redaction.counts);
  return (
    <div className="dialog-backdrop">
      <div
        className="dialog consent-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="consent-title"
      >
        <h2 id="consent-title">Send this request to {request.providerId}?</h2>
        <dl className="facts">
          <dt>Destination</dt>
          <dd>
            <code>{request.destination}</code> ({request.tier})
          </dd>
          <dt>Model</dt>
          <dd>
            <code>{request.model}</code>
          </dd>
          <dt>Why</dt>
          <dd>{request.reason}</dd>
          <dt>Run</dt>
          <dd>
            {request.runId ?? 'none'}
            {request.passId ? `, pass ${request.passId}` : ''}
          </dd>
          <dt>Estimate</dt>
          <dd>
            about {e.inputTokens.toLocaleString()} input tokens, at most{' '}
            {e.maxOutputTokens.toLocaleString()} output tokens, at most{' '}
            <strong>{formatMoney(e.maxCost, e.currency)}</strong>
            {e.budgetNotes.map((n) => (
              <span key={n} className="warn-note">
                {' '}
                · {n}
              </span>
            ))}
          </dd>
          <dt>Redacted</dt>
          <dd>
            {redacted.length === 0
              ? 'nothing matched a secret or personal-data pattern'
              : redacted.map(([k, n]) => `${k} ×${n}`).join(', ')}
          </dd>
        </dl>
        {request.redaction.lines.length > 1 && (
          <details>
            <summary>Redaction report</summary>
            <pre className="source">{request.redaction.lines.join('\n')}</pre>
          </details>
        )}
        <h3>Exactly what will be sent</h3>
        <pre className="source payload" tabIndex={0} aria-label="Request body">
          {JSON.stringify(request.body, null, 2)}
        </pre>
        <div className="dialog-actions">
          <button type="button" className="primary" onClick={() => onDecide('approve-once')}>
            Approve once
          </button>
          {request.runId && (
            <button type="button" onClick={() => onDecide('approve-run')}>
              Approve for this run
            </button>
          )}
          <button type="button" ref={deny} className="danger" onClick={() => onDecide('deny')}>
            Deny
          </button>
          <button type="button" className="link" onClick={onClose}>
            Decide later
          </button>
        </div>
      </div>
    </div>
  );
}
