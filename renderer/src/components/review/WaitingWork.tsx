import { useEffect } from 'react';
import { useCairn } from '../../state/store.ts';

const POLL_MS = 10_000;

/** Passes and requests that wait for consent or for the network, with why, in plain words. */
export function WaitingWork() {
  const items = useCairn((s) => s.reviewWaitingWork);
  const load = useCairn((s) => s.loadReviewWaitingWork);
  const setView = useCairn((s) => s.setView);
  useEffect(() => {
    void load();
    const timer = window.setInterval(() => void load(), POLL_MS);
    return () => window.clearInterval(timer);
  }, [load]);
  return (
    <section className="panel waiting-work" aria-labelledby="waiting-title">
      <h2 id="waiting-title">What waits for the network and consent</h2>
      {items === null ? (
        <p className="muted">Loading…</p>
      ) : items.length === 0 ? (
        <p className="muted">Nothing waits: no pass needs a model beyond this machine.</p>
      ) : (
        <ul className="waiting-list">
          {items.map((item) => (
            <li key={`${item.kind}:${item.id}`} className={`waiting-item waits-${item.waitsFor}`}>
              <span className="waits-for">
                {item.waitsFor === 'consent' ? 'Waits for your decision' : 'Waits for the network'}
              </span>
              <strong>{item.title}</strong>
              <span className="small">{item.reason}</span>
            </li>
          ))}
        </ul>
      )}
      <button type="button" className="link" onClick={() => setView('consent')}>
        Open the Consent view (Alt+8)
      </button>
    </section>
  );
}
