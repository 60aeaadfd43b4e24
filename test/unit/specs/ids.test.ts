import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CROCKFORD_ALPHABET,
  newRequirementId,
  randomIdBody,
  repairRequirementId,
  REQUIREMENT_ID,
  seededRandom,
} from '../../../workflows/specs/ids.ts';

describe('requirement IDs', () => {
  it('are REQ- and 6 Crockford base32 characters, from Web Crypto by default', () => {
    for (let i = 0; i < 200; i++) expect(newRequirementId(new Set())).toMatch(REQUIREMENT_ID);
    expect(CROCKFORD_ALPHABET).toHaveLength(32);
    expect(CROCKFORD_ALPHABET).not.toMatch(/[ILOU]/);
  });

  it('use every character of the alphabet', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 500; i++) for (const c of randomIdBody()) seen.add(c);
    expect(seen.size).toBe(32);
  });

  it('never return an ID that already exists', () => {
    // A source that repeats itself three times before changing.
    let calls = 0;
    const stuck = (bytes: Uint8Array) => bytes.fill(calls++ < 3 ? 0 : 1);
    expect(newRequirementId(new Set(['REQ-000000']), { random: stuck })).toBe('REQ-111111');
    expect(() => newRequirementId(new Set(['REQ-000000']), { random: (b) => b.fill(0) })).toThrow(
      /not random/,
    );
  });

  it('take a prefix', () => {
    expect(newRequirementId(new Set(), { prefix: 'DEC-' })).toMatch(/^DEC-[0-9A-HJKMNP-TV-Z]{6}$/);
  });

  it('are repeatable from a seed and differ between seeds', () => {
    const a = newRequirementId(new Set(), { random: seededRandom('x') });
    expect(newRequirementId(new Set(), { random: seededRandom('x') })).toBe(a);
    expect(newRequirementId(new Set(), { random: seededRandom('y') })).not.toBe(a);
  });

  it('mint 10,000 IDs without a collision in the same workspace', () => {
    const existing = new Set<string>();
    for (let i = 0; i < 10_000; i++) existing.add(newRequirementId(existing));
    expect(existing.size).toBe(10_000);
  });

  it('repair only what has one clear reading', () => {
    expect(repairRequirementId('REQ-7kq2m4')).toBe('REQ-7KQ2M4');
    expect(repairRequirementId('REQ-7KQ2MO')).toBe('REQ-7KQ2M0');
    expect(repairRequirementId('REQ-12')).toBeNull();
    expect(repairRequirementId('REQ-7KQ2M4')).toBeNull();
    fc.assert(
      fc.property(fc.string(), (s) => {
        const repaired = repairRequirementId('REQ-' + s);
        return repaired === null || REQUIREMENT_ID.test(repaired);
      }),
    );
  });
});
