// Requirement IDs that two people can mint offline: a prefix and random Crockford base32
// characters (no I, L, O or U, so an ID survives being read aloud or retyped). There is no
// counter to share. Six characters give 2^30 values: two people adding 100 IDs each collide
// with a chance of about 1 in 100,000, and a new ID is also checked against those that exist.
// A collision that still happens after a merge is what lint rule SPEC-003 reports.

export const CROCKFORD_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const ID_LENGTH = 6;

/** A well-formed Cairn requirement ID. */
export const REQUIREMENT_ID = /^REQ-[0-9A-HJKMNP-TV-Z]{6}$/;

/** Anything written like a requirement ID, well-formed or not (`REQ-7kq2m4`, `REQ-12`). */
export const REQUIREMENT_ID_LIKE = /\bREQ-[A-Za-z0-9]+\b/g;

export type RandomSource = (bytes: Uint8Array) => Uint8Array;

/** Web Crypto's generator: present in browsers, Electron's renderer and Node 20+. */
export function cryptoRandom(bytes: Uint8Array): Uint8Array {
  const webCrypto = (globalThis as { crypto?: { getRandomValues(array: Uint8Array): Uint8Array } })
    .crypto;
  if (!webCrypto) throw new Error('No crypto.getRandomValues in this runtime');
  return webCrypto.getRandomValues(bytes);
}

/** `length` (default `ID_LENGTH`) random Crockford base32 characters, 5 bits each. */
export function randomIdBody(random: RandomSource = cryptoRandom, length = ID_LENGTH): string {
  const bytes = random(new Uint8Array(length));
  let body = '';
  for (const byte of bytes) body += CROCKFORD_ALPHABET[byte & 31];
  return body;
}

/**
 * A new ID with `prefix` that is not in `existing`. Gives up (and says so) only if the
 * random source keeps repeating itself, which a real generator does not.
 */
export function newRequirementId(
  existing: ReadonlySet<string>,
  options: { prefix?: string; random?: RandomSource; attempts?: number } = {},
): string {
  const prefix = options.prefix ?? 'REQ-';
  const attempts = options.attempts ?? 64;
  for (let i = 0; i < attempts; i++) {
    const id = prefix + randomIdBody(options.random);
    if (!existing.has(id)) return id;
  }
  throw new Error(
    `Could not find a free ${prefix} ID in ${attempts} tries; the random source is not random`,
  );
}

/**
 * What a malformed ID most likely meant: upper case, and the letters Crockford base32 reads
 * as digits (I and L as 1, O as 0). `null` when no such repair makes it well-formed.
 */
export function repairRequirementId(id: string): string | null {
  const upper = id.toUpperCase();
  if (!upper.startsWith('REQ-')) return null;
  const body = upper.slice(4).replace(/[IL]/g, '1').replace(/O/g, '0');
  const repaired = 'REQ-' + body;
  return REQUIREMENT_ID.test(repaired) && repaired !== id ? repaired : null;
}

/**
 * A repeatable random source derived from `seed` (FNV-1a, then xorshift32). Lint uses it to
 * propose the same replacement ID every run, so fixes are reviewable and tests stable.
 */
export function seededRandom(seed: string): RandomSource {
  let state = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) {
    state ^= seed.charCodeAt(i);
    state = Math.imul(state, 0x01000193) >>> 0;
  }
  if (state === 0) state = 1; // xorshift never leaves 0
  return (bytes) => {
    for (let i = 0; i < bytes.length; i++) {
      state ^= state << 13;
      state ^= state >>> 17;
      state ^= state << 5;
      state >>>= 0;
      bytes[i] = state & 0xff;
    }
    return bytes;
  };
}
