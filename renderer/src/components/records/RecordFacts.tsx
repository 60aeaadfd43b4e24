import type { RecordDetail } from '../../state/records-slice.ts';
import { useCairn } from '../../state/store.ts';
import { CopyButton } from './CopyButton.tsx';
import { formatTime, modelLabel } from './format.ts';

const dash = (v: string | number | null) => (v === null ? '–' : String(v));

/** A hash or id in full, wrapped, with a copy button. */
function Hash({ value, what }: { value: string; what: string }) {
  return (
    <span className="records-hash">
      <code>{value}</code> <CopyButton text={value} what={what} />
    </span>
  );
}

/** Where the call came from, which model answered and how, and the parameters it ran with. */
export function RecordFacts({ detail }: { detail: RecordDetail }) {
  const e = detail.envelope;
  const m = e.model;
  const p = e.params;
  const showRun = useCairn((s) => s.showRecordsForRun);
  return (
    <div className="records-facts-grid">
      <section className="panel" aria-labelledby="record-call-facts">
        <h3 id="record-call-facts">Call</h3>
        <dl className="facts records-facts">
          <dt>Recorded</dt>
          <dd>{formatTime(e.createdAt)}</dd>
          <dt>Run</dt>
          <dd>
            <span className="records-mono">{dash(e.runId)}</span>
            {e.runId && (
              <>
                {' '}
                <button type="button" className="link-button" onClick={() => showRun(e.runId!)}>
                  All calls of this run
                </button>
              </>
            )}
          </dd>
          <dt>Pass</dt>
          <dd>{dash(e.passId)}</dd>
          <dt>Work item</dt>
          <dd className="records-mono">{dash(e.workItemId)}</dd>
          <dt>Cache key</dt>
          <dd>
            <Hash value={e.cacheKey} what="cache key" />
          </dd>
          <dt>Cache</dt>
          <dd>
            {e.cachedFrom
              ? `answered from the cache: the output of call ${e.cachedFrom}`
              : 'not from the cache: the model was called'}
          </dd>
        </dl>
      </section>
      <section className="panel" aria-labelledby="record-model-facts">
        <h3 id="record-model-facts">Model</h3>
        <dl className="facts records-facts">
          <dt>Model</dt>
          <dd>
            {modelLabel(m, detail.modelName)}{' '}
            <span className="muted">
              ({m.tier === 'local' ? 'on this machine' : m.tier} · {m.provider} {m.name})
            </span>
          </dd>
          {m.resolvedModel && (
            <>
              <dt>Answered as</dt>
              <dd>{m.resolvedModel}</dd>
            </>
          )}
          {m.sha256 && (
            <>
              <dt>File SHA-256</dt>
              <dd>
                <Hash value={m.sha256} what="model file SHA-256" />
              </dd>
            </>
          )}
          <dt>Runtime</dt>
          <dd>{dash(m.runtimeVersion)}</dd>
          <dt>Hardware</dt>
          <dd>
            backend {dash(m.backend)} · GPU layers {dash(m.gpuLayers)} · threads {dash(m.threads)} ·
            context {dash(m.contextSize)} · quantization {dash(m.quantization)}
          </dd>
        </dl>
        {m.tier !== 'local' && (
          <>
            <h3>Consent and egress</h3>
            {detail.egress ? (
              <dl className="facts records-facts">
                <dt>Consent</dt>
                <dd className="records-mono">{detail.egress.consentId ?? 'none recorded'}</dd>
                <dt>Egress request</dt>
                <dd className="records-mono">{detail.egress.requestId}</dd>
                <dt>Sent to</dt>
                <dd className="records-mono">{detail.egress.destination}</dd>
                <dt>Status</dt>
                <dd>
                  {detail.egress.status}
                  {detail.egress.sentAt && ` at ${formatTime(detail.egress.sentAt)}`}
                </dd>
                <dt>Why</dt>
                <dd>{detail.egress.reason}</dd>
              </dl>
            ) : (
              <p className="warn-note">
                No egress-log entry names this call: it was not sent through the consent gate, or
                its log entry was removed.
              </p>
            )}
          </>
        )}
      </section>
      <section className="panel records-params" aria-labelledby="record-params-facts">
        <h3 id="record-params-facts">Parameters</h3>
        <dl className="facts records-facts">
          <dt>Sampling</dt>
          <dd>
            seed {dash(p.seed)} · temperature {p.temperature} · top-p {dash(p.topP)} · at most{' '}
            {p.maxTokens} output tokens
          </dd>
          <dt>Output</dt>
          <dd>
            {p.jsonSchema
              ? `JSON under the schema ${p.schemaName ?? '(unnamed)'}, decoded with its grammar`
              : 'free text (no schema)'}
          </dd>
          {p.grammarHash && (
            <>
              <dt>Grammar SHA-256</dt>
              <dd>
                <Hash value={p.grammarHash} what="grammar SHA-256" />
              </dd>
            </>
          )}
        </dl>
      </section>
    </div>
  );
}
