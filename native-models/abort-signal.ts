// The engine's cancel flag is any object with `aborted`; the SDKs and the inference worker
// client want an AbortSignal.
import type { ModelGenerateRequest } from '../workflows/engine/ports.ts';

export function abortSignalFor(flag: ModelGenerateRequest['signal']): {
  signal: AbortSignal | undefined;
  stop: () => void;
} {
  if (!flag) return { signal: undefined, stop: () => {} };
  if (flag instanceof AbortSignal) return { signal: flag, stop: () => {} };
  const controller = new AbortController();
  const timer = setInterval(() => {
    if (flag.aborted) controller.abort();
  }, 50);
  return { signal: controller.signal, stop: () => clearInterval(timer) };
}
