// CPU time of another process, for benches that compare work done in two processes. Linux only
// (/proc); elsewhere null. Resolution is the kernel's clock tick (10 ms), so sum many calls.
import fs from 'node:fs';

const TICK_MS = 10;

export function processCpuMs(pid: number | null): number | null {
  if (pid === null) return null;
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces): state is field 3, utime 14, stime 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
  } catch {
    return null;
  }
}

/** CPU time of this process (all threads), in ms. */
export function ownCpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}
