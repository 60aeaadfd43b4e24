import fs from 'node:fs';
import os from 'node:os';

export interface CpuCores {
  model: string;
  logicalCores: number;
  physicalCores: number;
}

/**
 * Counts physical cores from the text of Linux's /proc/cpuinfo: distinct (physical id, core id)
 * pairs. Returns null when the text does not say (containers, other kernels).
 */
export function physicalCoresFromCpuinfo(cpuinfo: string): number | null {
  const cores = new Set<string>();
  for (const block of cpuinfo.split(/\n\s*\n/)) {
    const physical = /^physical id\s*:\s*(\d+)/m.exec(block)?.[1];
    const core = /^core id\s*:\s*(\d+)/m.exec(block)?.[1];
    if (physical !== undefined && core !== undefined) cores.add(`${physical}:${core}`);
  }
  return cores.size > 0 ? cores.size : null;
}

/** The CPU's model and core counts. Without a better source, physical = logical. */
export function cpuCores(): CpuCores {
  const cpus = os.cpus();
  const logicalCores = Math.max(1, os.availableParallelism?.() ?? cpus.length);
  let physical: number | null = null;
  if (process.platform === 'linux') {
    try {
      physical = physicalCoresFromCpuinfo(fs.readFileSync('/proc/cpuinfo', 'utf8'));
    } catch {
      physical = null;
    }
  }
  return {
    model: cpus[0]?.model.trim() || 'unknown CPU',
    logicalCores,
    physicalCores: Math.min(logicalCores, physical ?? logicalCores),
  };
}
