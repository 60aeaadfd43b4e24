import { describe, expect, it } from 'vitest';
import { physicalCoresFromCpuinfo, cpuCores } from '../../../native-models/hardware/cpu-cores.ts';
import { threadCandidates } from '../../../native-models/hardware/thread-candidates.ts';

const block = (processor: number, physical: number, core: number) =>
  `processor\t: ${processor}\nmodel name\t: Test CPU\nphysical id\t: ${physical}\ncore id\t\t: ${core}\n`;

describe('physicalCoresFromCpuinfo', () => {
  it('counts distinct (socket, core) pairs, so hyper-threads count once', () => {
    const smt = [block(0, 0, 0), block(1, 0, 1), block(2, 0, 0), block(3, 0, 1)].join('\n');
    expect(physicalCoresFromCpuinfo(smt)).toBe(2);
    const twoSockets = [block(0, 0, 0), block(1, 1, 0)].join('\n');
    expect(physicalCoresFromCpuinfo(twoSockets)).toBe(2);
  });

  it('returns null when the text does not say', () => {
    expect(physicalCoresFromCpuinfo('processor : 0\nfeatures : fp asimd\n')).toBeNull();
  });

  it('never reports more physical than logical cores', () => {
    const cores = cpuCores();
    expect(cores.physicalCores).toBeGreaterThanOrEqual(1);
    expect(cores.physicalCores).toBeLessThanOrEqual(cores.logicalCores);
  });
});

describe('threadCandidates', () => {
  it('measures small counts, the physical and the logical count, never more', () => {
    expect(threadCandidates({ logicalCores: 2, physicalCores: 2 })).toEqual([1, 2]);
    expect(threadCandidates({ logicalCores: 1, physicalCores: 1 })).toEqual([1]);
    expect(threadCandidates({ logicalCores: 16, physicalCores: 8 })).toEqual([1, 2, 4, 6, 8, 16]);
    expect(threadCandidates({ logicalCores: 12, physicalCores: 6 })).toEqual([1, 2, 4, 6, 12]);
  });
});
