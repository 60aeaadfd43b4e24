// What to calibrate, decided in the app without loading the model runtime (the measuring itself
// runs in the inference worker: thread-calibration.ts).
import type { CpuCores } from './cpu-cores.ts';

/** Thread counts worth measuring: small powers and steps, the physical and logical counts. */
export function threadCandidates(
  cores: Pick<CpuCores, 'logicalCores' | 'physicalCores'>,
): number[] {
  const candidates = new Set(
    [1, 2, 4, 6, 8, 12, 16, 24, 32, 48, 64].filter((n) => n <= cores.physicalCores),
  );
  candidates.add(Math.max(1, cores.physicalCores));
  candidates.add(Math.max(1, cores.logicalCores));
  return [...candidates].sort((a, b) => a - b);
}

/** The quick workload used before a model's first generation on a machine. */
export const QUICK_CALIBRATION = { promptTokens: 64, generateTokens: 16, repeats: 1 } as const;
