import { useCairn } from '../state/store.ts';
import { formatBytes } from './units.ts';

const BACKENDS = { cuda: 'CUDA', vulkan: 'Vulkan', metal: 'Metal' } as const;

/** This machine as the models see it: CPU, memory, GPU and VRAM, the inference runtime. */
export function HardwarePanel() {
  const hw = useCairn((s) => s.hardware);
  const error = useCairn((s) => s.hardwareError);
  const probing = useCairn((s) => s.hardwareProbing);
  const load = useCairn((s) => s.loadHardware);
  return (
    <section className="panel" aria-labelledby="hardware-title" aria-busy={probing}>
      <div className="panel-head">
        <h2 id="hardware-title">This machine</h2>
        <button type="button" onClick={() => void load(true)} disabled={probing}>
          {probing ? 'Probing…' : 'Probe again'}
        </button>
      </div>
      {error && (
        <p className="error" role="alert">
          Could not read this machine's hardware: {error.message}
        </p>
      )}
      {!hw ? (
        !error && <p className="muted">Probing the CPU, memory and GPU…</p>
      ) : (
        <>
          <dl className="facts hardware">
            <dt>GPU</dt>
            <dd>
              {hw.gpu.backend ? (
                <>
                  <strong>{BACKENDS[hw.gpu.backend]}</strong>
                  {hw.gpu.devices.length > 0 && ` · ${hw.gpu.devices.join(', ')}`}
                </>
              ) : (
                'none used — models run on the CPU'
              )}
            </dd>
            <dt>VRAM</dt>
            <dd>
              {hw.gpu.backend
                ? `${formatBytes(hw.gpu.vramFreeBytes)} free of ${formatBytes(hw.gpu.vramTotalBytes)}`
                : '—'}
            </dd>
            <dt>CPU</dt>
            <dd>
              {hw.cpu.model} · {hw.cpu.physicalCores} cores, {hw.cpu.logicalCores} threads
              {hw.cpu.mathCores !== null && ` · ${hw.cpu.mathCores} used for inference`}
            </dd>
            <dt>Memory</dt>
            <dd>
              {formatBytes(hw.memory.freeBytes)} free of {formatBytes(hw.memory.totalBytes)}
            </dd>
            <dt>Runtime</dt>
            <dd>
              node-llama-cpp {hw.runtime.nodeLlamaCpp}
              {hw.runtime.llamaCppRelease && ` · llama.cpp ${hw.runtime.llamaCppRelease}`}
              {hw.runtime.binary &&
                ` · ${hw.runtime.binary === 'prebuilt' ? 'prebuilt binary' : 'local build'}`}
              {` · ${hw.platform}/${hw.arch}`}
            </dd>
          </dl>
          {hw.problems.length > 0 && (
            <ul className="problems" aria-label="Hardware problems">
              {hw.problems.map((p) => (
                <li key={p} className="warn-note">
                  {p}
                </li>
              ))}
            </ul>
          )}
          <p className="muted small">Probed {new Date(hw.probedAt).toLocaleString()}.</p>
        </>
      )}
    </section>
  );
}
