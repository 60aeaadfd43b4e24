import { ConsentDialog } from '../components/ConsentDialog.tsx';
import { RedactionReport } from '../components/consent/RedactionReport.tsx';
import { RoutingPolicyForm } from '../components/settings/RoutingPolicyForm.tsx';
import { formatMoney } from '../components/money.ts';
import { useCairn } from '../state/store.ts';

export function ConsentView() {
  const waiting = useCairn((s) => s.waiting);
  const log = useCairn((s) => s.egressLog);
  const openId = useCairn((s) => s.openRequestId);
  const open = useCairn((s) => s.openRequest);
  const decide = useCairn((s) => s.decide);
  const error = useCairn((s) => s.consentError);
  const lastDecision = useCairn((s) => s.lastDecision);
  const hasWorkspace = useCairn((s) => s.info?.workspace != null);
  const current = waiting?.find((r) => r.id === openId) ?? null;
  const pending = waiting?.filter((r) => r.status === 'pending') ?? [];
  const offline = waiting?.filter((r) => r.status === 'approved') ?? [];
  return (
    <section className="view consent" aria-labelledby="consent-view-title">
      <h1 id="consent-view-title">Consent</h1>
      <p className="muted">
        Nothing leaves this machine for a hosted or cloud model until you have seen it and agreed.
      </p>
      {error && (
        <p className="error" role="alert">
          {error.message}
        </p>
      )}
      {lastDecision && (
        <p className="notice" role="status">
          {lastDecision}
        </p>
      )}
      <h2>Waiting for your decision ({pending.length})</h2>
      {waiting === null ? (
        <p className="muted">Loading…</p>
      ) : pending.length === 0 ? (
        <p className="muted">Nothing waits to leave this machine.</p>
      ) : (
        <ul className="request-list">
          {pending.map((r) => (
            <li key={r.id}>
              <button type="button" className="request-item" onClick={() => open(r.id)}>
                <span className="request-id">{r.id}</span>
                <span>
                  {r.providerId} · {r.model} ({r.tier})
                </span>
                <span className="muted">
                  {r.runId ?? 'no run'}
                  {r.passId ? ` · ${r.passId}` : ''} · at most{' '}
                  {formatMoney(r.estimate.maxCost, r.estimate.currency)}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {offline.length > 0 && (
        <>
          <h2>Approved, waiting for the network ({offline.length})</h2>
          <ul className="plain-list">
            {offline.map((r) => (
              <li key={r.id}>
                {r.id} · {r.providerId} · {r.error ?? 'goes when its run resumes'}
              </li>
            ))}
          </ul>
        </>
      )}
      <h2>Egress log</h2>
      {log.length === 0 ? (
        <p className="muted">Nothing has ever been sent from this machine to a model provider.</p>
      ) : (
        <table className="egress-log">
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Where</th>
              <th scope="col">Model</th>
              <th scope="col">Status</th>
              <th scope="col">Redacted</th>
              <th scope="col">Consent</th>
              <th scope="col">Record</th>
            </tr>
          </thead>
          <tbody>
            {log.map((r) => (
              <tr key={r.id}>
                <td>{new Date(r.sentAt ?? r.createdAt).toLocaleString()}</td>
                <td>
                  <code>{r.destination}</code>
                </td>
                <td>{r.model}</td>
                <td>{r.status}</td>
                <td>
                  <RedactionReport redaction={r.redaction} />
                </td>
                <td>{r.consentId ?? '—'}</td>
                <td>{r.callId ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {hasWorkspace && <RoutingPolicyForm title="Routing policy" />}
      {current && (
        <ConsentDialog
          request={current}
          onDecide={(decision) => void decide(current.id, decision)}
          onClose={() => open(null)}
        />
      )}
    </section>
  );
}
