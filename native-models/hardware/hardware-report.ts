import { z } from 'zod';

/** What the hardware probe found on this machine; shown by `cairn models hardware`. */
export const HardwareReportSchema = z.object({
  platform: z.string(),
  arch: z.string(),
  cpu: z.object({
    model: z.string(),
    logicalCores: z.number().int().positive(),
    physicalCores: z.number().int().positive(),
    /** llama.cpp's count of cores useful for math; null when the runtime could not start. */
    mathCores: z.number().int().nonnegative().nullable(),
  }),
  memory: z.object({
    totalBytes: z.number().nonnegative(),
    freeBytes: z.number().nonnegative(),
  }),
  gpu: z.object({
    /** The backend node-llama-cpp picked with `gpu: 'auto'`; null when it fell back to the CPU. */
    backend: z.enum(['cuda', 'vulkan', 'metal']).nullable(),
    devices: z.array(z.string()),
    vramTotalBytes: z.number().nonnegative(),
    vramFreeBytes: z.number().nonnegative(),
  }),
  runtime: z.object({
    nodeLlamaCpp: z.string(),
    llamaCppRelease: z.string().nullable(),
    binary: z.enum(['prebuilt', 'localBuild']).nullable(),
  }),
  /** What went wrong while probing (the GPU runtime failed to load, …), in words. */
  problems: z.array(z.string()),
  probedAt: z.string(),
});
export type HardwareReport = z.infer<typeof HardwareReportSchema>;

/** "node-llama-cpp X (llama.cpp Y)": the runtime recorded with generations and calibrations. */
export function formatRuntimeVersion(nodeLlamaCpp: string, llamaCppRelease: string | null): string {
  return `node-llama-cpp ${nodeLlamaCpp} (llama.cpp ${llamaCppRelease ?? 'unknown'})`;
}

/** Identifies the machine for thread calibrations: numbers measured elsewhere do not apply. */
export function machineKey(report: HardwareReport): string {
  return [
    `${report.platform}-${report.arch}`,
    report.cpu.model,
    `${report.cpu.logicalCores}cpu`,
    report.gpu.backend ?? 'cpu',
  ].join('|');
}
