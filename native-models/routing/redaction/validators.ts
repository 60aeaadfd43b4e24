// The checks that turn a pattern's candidate into a finding. Pure functions of the matched text.

/** Shannon entropy in bits per character. */
export function shannonEntropy(value: string): number {
  if (value.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const char of value) counts.set(char, (counts.get(char) ?? 0) + 1);
  let length = 0;
  for (const count of counts.values()) length += count;
  let bits = 0;
  for (const count of counts.values()) {
    const p = count / length;
    bits -= p * Math.log2(p);
  }
  return bits;
}

/** The Luhn checksum that every payment card number passes. */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return false;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return sum % 10 === 0;
}

// Visa 4, Mastercard 51-55 and 2221-2720, Amex 34/37, Diners 30/36/38, JCB 35, Discover and
// UnionPay 6. A Luhn-valid number outside these (an epoch in milliseconds, an order number
// starting with 1, 7, 8 or 9) is not taken for a card.
const CARD_PREFIX = /^(?:4|5[1-5]|2[2-7]|3[0-8]|6)/;

export function cardNumberValid(candidate: string): boolean {
  const separators = candidate.replace(/\d/g, '');
  if (separators.length > 0 && !/^( +|-+)$/.test(separators)) return false;
  const digits = candidate.replace(/\D/g, '');
  if (digits.length < 13 || digits.length > 19) return false;
  if (separators.length > 0) {
    const groups = candidate.split(/[ -]/).map((g) => g.length);
    const fours = groups.slice(0, -1).every((g) => g === 4);
    const amexOrDiners = groups.length === 3 && groups[0] === 4 && groups[1] === 6;
    if (!fours && !amexOrDiners) return false;
  }
  return CARD_PREFIX.test(digits) && luhnValid(digits);
}

export function ipv4Valid(candidate: string): boolean {
  const octets = candidate.split('.');
  return (
    octets.length === 4 &&
    octets.every((o) => o.length > 0 && o.length <= 3 && Number(o) <= 255 && !/^0\d/.test(o))
  );
}

export function ipv6Valid(candidate: string): boolean {
  if (candidate.includes(':::')) return false;
  const halves = candidate.split('::');
  if (halves.length > 2) return false;
  const groups = halves.flatMap((h) => (h === '' ? [] : h.split(':')));
  if (!groups.every((g) => /^[0-9A-Fa-f]{1,4}$/.test(g))) return false;
  // `::` alone is the unspecified address: nobody's data.
  if (groups.length === 0) return false;
  return halves.length === 2 ? groups.length <= 7 : groups.length === 8;
}

/**
 * A phone number: 8 to 15 digits for an international (+) number, 10 or 11 otherwise, and not
 * one digit repeated. The patterns already keep out dates, times, versions and IDs by shape.
 */
export function phoneValid(candidate: string): boolean {
  const digits = candidate.replace(/\D/g, '');
  if (/^(\d)\1*$/.test(digits)) return false;
  if (candidate.startsWith('+')) return digits.length >= 8 && digits.length <= 15;
  if ((candidate.match(/\(/g)?.length ?? 0) !== (candidate.match(/\)/g)?.length ?? 0)) {
    return false;
  }
  return digits.length >= 10 && digits.length <= 11;
}

// A token of an identifier, a path, a version or a date: an English-looking word (lower, UPPER,
// Capitalised or camelCase with humps of 3+ letters) with at most 3 digits after it, or a
// number of at most 4 digits.
const WORDISH_TOKEN =
  /^(?:(?:[a-z]+|[A-Z]+|[A-Z][a-z]+|[a-z]+(?:[A-Z][a-z]{2,})+|[A-Z][a-z]+(?:[A-Z][a-z]{2,})+)\d{0,3}|\d{1,4})$/;
const PLACEHOLDER_VALUE =
  /^(?:<[^>]*>|\$\{[^}]*\}|\$\{\{.*\}\}|\{\{.*\}\}|%[^%]+%|\$[A-Za-z_]\w*|\[[^\]]*\])$/;
const ID_LIKE = /^(?:REQ|FR|NFR|SC|US|AC|T)-?[0-9A-Z]{1,8}$/;

/**
 * Whether the value assigned to a key, secret, token or password looks like a secret rather
 * than a reference to one (`process.env.API_TOKEN`, `${SECRET}`, `<your key>`), a word, a path,
 * a version, a date or an ID. What is left must carry enough entropy for its length: at least
 * 0.8 × log2(length) bits per character (all-distinct characters give log2(length)), capped at
 * 3.5 as in gitleaks, so `Passw0rd!` counts and `aaaaaaaa1` does not.
 */
export function genericSecretValid(value: string): boolean {
  if (value.length < 8) return false;
  if (PLACEHOLDER_VALUE.test(value) || ID_LIKE.test(value)) return false;
  if (/^(.)\1*$/.test(value) || /^[*xX•.#-]+$/.test(value)) return false;
  const tokens = value.split(/[^A-Za-z0-9]+/).filter((t) => t.length > 0);
  if (tokens.length === 0) return false;
  // One word with digits (`changeme123`) is a password; several words are a name or a path.
  const wordShaped = tokens.length > 1 || !/\d/.test(value);
  if (wordShaped && tokens.every((t) => WORDISH_TOKEN.test(t))) return false;
  const threshold = Math.min(3.5, 0.8 * Math.log2(value.length));
  return shannonEntropy(value) >= threshold;
}
