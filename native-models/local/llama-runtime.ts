// One place that starts node-llama-cpp, with options that never build from source, never
// download and never print build progress: the prebuilt @node-llama-cpp/* binaries are used or
// the call fails with a clear error. Runs inside the inference worker only.
import { getLlama, getModuleVersion, LlamaLogLevel, type Llama } from 'node-llama-cpp';
import { formatRuntimeVersion } from '../hardware/hardware-report.ts';

export type GpuMode = 'auto' | false;
export type RuntimeLog = (level: string, message: string) => void;

const runtimes = new Map<string, Promise<Llama>>();

export async function llamaFor(gpu: GpuMode, log: RuntimeLog): Promise<Llama> {
  // When GPU auto-detection already fell back to the CPU, that runtime serves CPU requests too
  // (starting a second one costs about a second).
  const auto = runtimes.get('auto');
  if (gpu === false && auto) {
    const llama = await auto.catch(() => null);
    if (llama && llama.gpu === false) return llama;
  }
  const key = String(gpu);
  let runtime = runtimes.get(key);
  if (!runtime) {
    runtime = getLlama({
      gpu,
      build: 'never',
      skipDownload: true,
      usePrebuiltBinaries: true,
      progressLogs: false,
      // No cap: each context is given an explicit thread count (see thread-calibration.ts),
      // and with a cap node-llama-cpp may quietly use fewer threads than asked for.
      maxThreads: 0,
      logLevel: LlamaLogLevel.warn,
      logger: (level, message) => log(level, message),
    }).catch((error: unknown) => {
      runtimes.delete(key);
      throw new Error(
        `The llama.cpp runtime could not start (${gpu === false ? 'CPU' : 'GPU auto-detect'}): ` +
          `${(error as Error).message}. Cairn uses the prebuilt binaries of node-llama-cpp only; ` +
          `reinstall Cairn if they are missing.`,
      );
    });
    runtimes.set(key, runtime);
  }
  return runtime;
}

let versionPromise: Promise<string> | undefined;

export function moduleVersion(): Promise<string> {
  versionPromise ??= getModuleVersion();
  return versionPromise;
}

/** The runtime as recorded with every generation and calibration. */
export async function runtimeVersion(llama: Llama): Promise<string> {
  return formatRuntimeVersion(await moduleVersion(), llama.llamaCppRelease.release);
}
