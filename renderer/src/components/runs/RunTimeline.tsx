import type { PassView, RunDetail } from '../../../../electron/ipc/contract/runs.ts';
import type { LivePass } from '../../state/runs-slice.ts';
import { useCairn } from '../../state/store.ts';
import { formatRate } from '../units.ts';
import { ProgressBar } from '../ProgressBar.tsx';
import { formatSeconds, formatTokens } from './run-words.ts';

/** Characters per token, for a model whose runtime does not count its tokens as it streams. */
const CHARS_PER_TOKEN = 4;

/** Tokens per second since the first text: counted by the runtime, or estimated from text. */
function liveRate(live: LivePass): { rate: number; counted: boolean } | null {
  if (live.firstTextAt === null || live.lastTextAt === null) return null;
  const seconds = (live.lastTextAt - live.firstTextAt) / 1000;
  if (seconds < 0.25) return null;
  return live.tokens !== null
    ? { rate: live.tokens / seconds, counted: true }
    : { rate: live.chars / CHARS_PER_TOKEN / seconds, counted: false };
}

const STATE_WORDS: Record<PassView['state'] | 'running', string> = {
  pending: 'not run yet',
  next: 'next',
  running: 'running',
  completed: 'done',
  failed: 'failed',
  stopped: 'stopped before it finished',
};

function PassFacts({ pass }: { pass: PassView }) {
  const facts: string[] = [];
  if (pass.startedAt && pass.finishedAt) {
    facts.push(formatSeconds((Date.parse(pass.finishedAt) - Date.parse(pass.startedAt)) / 1000));
  }
  if (pass.calls.count > 0) {
    facts.push(
      `${formatTokens(pass.calls.inputTokens)} in · ${formatTokens(pass.calls.outputTokens)} out tokens`,
    );
    if (pass.calls.outputTokensPerSecond !== null) {
      facts.push(`${formatRate(pass.calls.outputTokensPerSecond)} tok/s measured`);
    }
    if (pass.calls.cached > 0) facts.push('answered from a recorded call');
  } else if (pass.estimate && pass.kind === 'model' && pass.state !== 'completed') {
    facts.push(`estimate ≤ ${formatTokens(pass.estimate.outputTokens)} output tokens`);
  }
  if (facts.length === 0) return null;
  return <p className="pass-facts small">{facts.join(' · ')}</p>;
}

function LiveStream({ live }: { live: LivePass }) {
  const rate = liveRate(live);
  return (
    <div className="live">
      <p className="live-facts small">
        {live.chars === 0
          ? 'Reading its input…'
          : live.tokens !== null
            ? `${formatTokens(live.tokens)} tokens so far`
            : `${formatTokens(live.chars)} characters so far`}
        {rate !== null && (
          <>
            {' · '}
            {rate.counted ? (
              <span className="live-rate">{formatRate(rate.rate)} tok/s</span>
            ) : (
              <span
                className="live-rate"
                title="Estimated from the streamed text at about 4 characters per token; the measured rate follows when the pass ends"
              >
                ≈ {formatRate(rate.rate)} tok/s
              </span>
            )}
          </>
        )}
      </p>
      {live.text && (
        <pre className="stream" aria-label={`Text streamed by ${live.title}`} tabIndex={0}>
          {live.text}
        </pre>
      )}
    </div>
  );
}

/** The run's passes in order, with what each did, and the one running streaming live. */
export function RunTimeline({ run }: { run: RunDetail }) {
  const live = useCairn((s) => s.runLive[run.id]);
  const done = run.passes.filter((p) => p.state === 'completed').length;
  return (
    <section className="panel" aria-labelledby="timeline-title">
      <div className="panel-head">
        <h2 id="timeline-title">Passes</h2>
        <span className="muted small">
          {done} of {run.passCount} done
        </span>
      </div>
      <ProgressBar
        label={`Progress of ${run.id}`}
        value={done}
        max={run.passCount}
        valueText={`${done} of ${run.passCount} passes done`}
      />
      <p className="visually-hidden" role="status">
        {live ? `Pass ${live.passIndex + 1}, ${live.title}, is running.` : ''}
      </p>
      <ol className="timeline">
        {run.passes.map((pass) => {
          const running = live?.passIndex === pass.index;
          const state = running ? 'running' : pass.state;
          return (
            <li key={pass.id} className={`pass pass-${state}`}>
              <span className="pass-marker" aria-hidden="true">
                {state === 'completed'
                  ? '✓'
                  : state === 'failed' || state === 'stopped'
                    ? '✕'
                    : pass.index + 1}
              </span>
              <div className="pass-body">
                <div className="pass-head">
                  <span className="pass-title">{pass.title}</span>
                  <span className="chip">{pass.kind === 'model' ? 'model' : 'deterministic'}</span>
                  {pass.gateDefinition && (
                    <span className="chip">
                      gate:{' '}
                      {[
                        ...pass.gateDefinition.auto,
                        ...(pass.gateDefinition.human ? ['approval'] : []),
                      ].join(', ')}
                    </span>
                  )}
                  <span className={`pass-state state-${state}`}>{STATE_WORDS[state]}</span>
                </div>
                {pass.summary && <p className="pass-summary">{pass.summary}</p>}
                {pass.error && state === 'failed' && <p className="error small">{pass.error}</p>}
                {running && live ? <LiveStream live={live} /> : <PassFacts pass={pass} />}
              </div>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
