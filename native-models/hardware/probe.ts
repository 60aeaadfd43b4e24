// The hardware probe: CPU cores, memory, and what GPU node-llama-cpp finds with `gpu: 'auto'`.
// It runs inside the inference worker, so a GPU driver that crashes while loading takes the
// worker down, not the app; it never builds or downloads anything (see llama-runtime.ts).
import os from 'node:os';
import { llamaFor, moduleVersion, type GpuMode, type RuntimeLog } from '../local/llama-runtime.ts';
import { cpuCores } from './cpu-cores.ts';
import type { HardwareReport } from './hardware-report.ts';

const GPU_BACKENDS = ['cuda', 'vulkan', 'metal'] as const;

/** With `gpu: false` the probe stays on the CPU runtime and reports no GPU (tests, CPU-only). */
export async function probeHardware(
  gpu: GpuMode = 'auto',
  log: RuntimeLog = () => {},
): Promise<HardwareReport> {
  const cores = cpuCores();
  const report: HardwareReport = {
    platform: process.platform,
    arch: process.arch,
    cpu: { ...cores, mathCores: null },
    memory: { totalBytes: os.totalmem(), freeBytes: os.freemem() },
    gpu: { backend: null, devices: [], vramTotalBytes: 0, vramFreeBytes: 0 },
    runtime: { nodeLlamaCpp: await moduleVersion(), llamaCppRelease: null, binary: null },
    problems: [],
    probedAt: new Date().toISOString(),
  };
  try {
    const llama = await llamaFor(gpu, log);
    report.cpu.mathCores = llama.cpuMathCores;
    report.runtime.llamaCppRelease = llama.llamaCppRelease.release;
    report.runtime.binary = llama.buildType;
    const backend = GPU_BACKENDS.find((b) => b === llama.gpu) ?? null;
    report.gpu.backend = backend;
    if (backend) {
      const vram = await llama.getVramState();
      report.gpu.vramTotalBytes = vram.total;
      report.gpu.vramFreeBytes = vram.free;
      report.gpu.devices = await llama.getGpuDeviceNames();
    }
  } catch (error) {
    report.problems.push((error as Error).message);
  }
  return report;
}
