import type { Calibration } from '../state/models-slice.ts';
import { formatRate } from './units.ts';

interface Props {
  modelName: string;
  result: Calibration;
}

/**
 * Prefill and decode tokens per second for each thread count measured, as horizontal bars.
 * A table underneath, so that screen readers read the numbers; the bars are drawn with CSS
 * widths (there is no chart library in the project). Each measure has its own scale:
 * prefill is usually many times faster than decode.
 */
export function SpeedTestChart({ modelName, result }: Props) {
  const rows = [...result.measurements].sort((a, b) => a.threads - b.threads);
  const maxPrefill = Math.max(...rows.map((m) => m.promptTokensPerSecond), 1e-9);
  const maxDecode = Math.max(...rows.map((m) => m.generationTokensPerSecond), 1e-9);
  return (
    <figure className="speed-chart">
      <table>
        <caption>
          Speed test of {modelName}: tokens per second by thread count. Best:{' '}
          <strong>
            {result.bestThreads} {result.bestThreads === 1 ? 'thread' : 'threads'}
          </strong>
          , used from now on.
        </caption>
        <thead>
          <tr>
            <th scope="col">Threads</th>
            <th scope="col">Prefill (reading the prompt)</th>
            <th scope="col">Decode (writing the answer)</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((m) => (
            <tr key={m.threads} className={m.threads === result.bestThreads ? 'best' : undefined}>
              <th scope="row">
                {m.threads}
                {m.threads === result.bestThreads && <span className="best-mark"> ★ best</span>}
              </th>
              <td>
                <Bar value={m.promptTokensPerSecond} max={maxPrefill} kind="prefill" />
              </td>
              <td>
                <Bar value={m.generationTokensPerSecond} max={maxDecode} kind="decode" />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}

function Bar({ value, max, kind }: { value: number; max: number; kind: 'prefill' | 'decode' }) {
  const percent = Math.max(1, Math.round((value / max) * 100));
  return (
    <div className="bar-cell">
      <div className="bar-track" aria-hidden="true">
        <div className={`bar bar-${kind}`} style={{ width: `${percent}%` }} />
      </div>
      <span className="bar-value">{formatRate(value)} tok/s</span>
    </div>
  );
}
