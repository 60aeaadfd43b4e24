import type { OutputOf } from '../../../../electron/ipc/contract.ts';
import { formatMoney } from '../money.ts';
import { formatSeconds, formatTokens } from './run-words.ts';

type Estimate = OutputOf<'runs.estimate'>;

/** Tokens, time and money before a run starts, and how they were worked out. */
export function EstimatePanel({ estimate }: { estimate: Estimate }) {
  const e = estimate.estimate;
  const modelPasses = e.passes.filter((p) => p.kind === 'model').length;
  return (
    <section className="estimate" aria-labelledby="estimate-title">
      <h3 id="estimate-title">Estimate</h3>
      <dl className="estimate-numbers">
        <div>
          <dt>Tokens</dt>
          <dd>
            ~{formatTokens(e.inputTokens)} in · ≤ {formatTokens(e.outputTokens)} out
          </dd>
        </div>
        <div>
          <dt>Time</dt>
          <dd>{e.seconds > 0 ? `~${formatSeconds(e.seconds)}` : 'unknown'}</dd>
        </div>
        <div>
          <dt>Money</dt>
          <dd>{formatMoney(e.money, e.currency)}</dd>
        </div>
      </dl>
      <p className="muted small">
        {e.passes.length} passes, {modelPasses} on the model. Basis:
      </p>
      <ul className="basis small">
        {e.basis.map((b) => (
          <li key={b}>{b}</li>
        ))}
      </ul>
      <table className="data-table small estimate-passes">
        <caption className="visually-hidden">Estimate by pass</caption>
        <thead>
          <tr>
            <th scope="col">Pass</th>
            <th scope="col" className="num">
              In
            </th>
            <th scope="col" className="num">
              Out (at most)
            </th>
            <th scope="col" className="num">
              Time
            </th>
          </tr>
        </thead>
        <tbody>
          {e.passes.map((p) => (
            <tr key={p.passId}>
              <th scope="row">
                {p.passId}
                {p.kind === 'deterministic' && <span className="muted"> (no model)</span>}
              </th>
              <td className="num">{formatTokens(p.inputTokens)}</td>
              <td className="num">{formatTokens(p.outputTokens)}</td>
              <td className="num">{p.kind === 'model' ? formatSeconds(p.seconds) : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {estimate.overruns.length > 0 && (
        <div className="overrun" role="alert">
          <p>
            <b>Over budget.</b> This run may use more than the workflow allows:
          </p>
          <ul>
            {estimate.overruns.map((o) => (
              <li key={o}>{o}</li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
