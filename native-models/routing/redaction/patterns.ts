// What is redacted before a prompt leaves the machine, in priority order: where two patterns
// overlap, the union of both spans is redacted under the earlier one. Secrets follow the public
// gitleaks rules (aws-access-token, github-*, private-key, openai-api-key, anthropic-*, slack-*,
// generic-api-key), widened where a narrower rule would let a real token through (any length
// from the minimum up, the A-Z0-9 alphabet for AWS): redacting a little too much costs a worse
// prompt, too little a leaked key. JWTs are added. Personal data follows REFERENCE.md.
//
// Decisions on borderline text (each has a near-miss in test/unit/redaction):
// - Hex digests (SHA-256, git commit IDs) are not secrets: Cairn's records are full of file
//   hashes. They are redacted only when assigned to a key/secret/token/password name.
// - Every valid IP address is personal data here, 127.0.0.1 and ::1 included (a spec that
//   names a loopback server loses nothing by it). A four-part version `1.2.3.4` that is also
//   a valid IPv4 address is redacted; `v1.2.3.4`, `1.2.3.4.5` and `999.1.1.1` are not.
// - E-mail addresses are redacted whatever the domain, example.com included; an address
//   without a dot in its domain (`root@localhost`) is not taken for one.
// - Phone numbers need a shape: `+` and 8-15 digits, `(555) 123-4567` / `555-123-4567` /
//   `555.123.4567`, or a national number starting with 0 (`020 7946 0958`). Numbers written
//   with spaces only (`555 123 4567`) and 7-digit local numbers are not matched: too many
//   tables and lists of figures look the same.
// - Public keys and certificates are not secrets; only PRIVATE KEY blocks are, to their END
//   line or, pasted without one, through the base64 lines that follow the BEGIN line.
// - A generic `name = value` needs a value of 8+ characters that is not a reference
//   (`process.env.X`, `${{ secrets.X }}`, `<…>`), not words, a path, a date or an ID, and has
//   enough entropy (validators.ts): `token = example` and `sort_key: created_at_desc` stay.
import {
  cardNumberValid,
  genericSecretValid,
  ipv4Valid,
  ipv6Valid,
  phoneValid,
} from './validators.ts';

export interface Span {
  start: number;
  end: number;
}

export interface RedactionPattern {
  id: string;
  category: 'secret' | 'personal';
  description: string;
  /** Spans of `text` to redact, in any order. Must not throw; if it does, nothing is sent. */
  find(text: string): Span[];
}

interface RegexFinderOptions {
  /** Turns the matched value into the secret (trimmed at its end), or null to reject it. */
  refine?: (value: string) => string | null;
}

/**
 * Runs a global regex over the text. The secret is the last capture group that took part in the
 * match (or the whole match) and must end where the match ends. A rejected candidate restarts
 * the search one character later, so a longer false candidate cannot hide a real one inside it.
 */
export function regexFinder(regex: RegExp, options: RegexFinderOptions = {}) {
  const flags = regex.flags.includes('g') ? regex.flags : regex.flags + 'g';
  return (text: string): Span[] => {
    const re = new RegExp(regex.source, flags);
    const spans: Span[] = [];
    let m: RegExpExecArray | null;
    while ((m = re.exec(text)) !== null) {
      const end = m.index + m[0].length;
      let value = m[0];
      for (let g = m.length - 1; g >= 1; g--) {
        if (m[g] !== undefined) {
          value = m[g]!;
          break;
        }
      }
      const secret = options.refine ? options.refine(value) : value;
      if (secret === null || secret.length === 0) {
        re.lastIndex = m.index + 1;
        continue;
      }
      const start = end - value.length;
      spans.push({ start, end: start + secret.length });
      if (m[0].length === 0) re.lastIndex++;
    }
    return spans;
  };
}

const validOrNull = (check: (value: string) => boolean) => (value: string) =>
  check(value) ? value : null;

const PRIVATE_KEY_HEADER = /-----BEGIN[ A-Z0-9_-]{0,100}PRIVATE KEY(?: BLOCK)?-----/gi;
const PRIVATE_KEY_FOOTER = /-----END[ A-Z0-9_-]{0,100}PRIVATE KEY(?: BLOCK)?-----/gi;
// Without a footer (a key pasted in part), the armour headers and base64 lines that follow,
// on real lines or as `\n` escapes inside a JSON string.
const PRIVATE_KEY_BODY =
  /(?:(?:\r?\n|\\n)(?:[ \t]*(?:\r?\n|\\n))?[ \t]*(?:[A-Za-z0-9+/=]{16,}|(?:Proc-Type|DEK-Info|Comment|Version): [^\r\n]*))*/y;
/** Keys of any kind are a few kilobytes; PGP key blocks with sub-keys can be tens. */
const PRIVATE_KEY_MAX = 64 * 1024;

function findPrivateKeys(text: string): Span[] {
  const header = new RegExp(PRIVATE_KEY_HEADER);
  const footer = new RegExp(PRIVATE_KEY_FOOTER);
  const nextHeader = new RegExp(PRIVATE_KEY_HEADER);
  const body = new RegExp(PRIVATE_KEY_BODY);
  const spans: Span[] = [];
  // The next footer and header after the current position, each searched for once per pass.
  let f: RegExpExecArray | null = null;
  let next: RegExpExecArray | null = null;
  let m: RegExpExecArray | null;
  while ((m = header.exec(text)) !== null) {
    const start = m.index;
    const after = header.lastIndex;
    if (f === null ? footer.lastIndex <= after : f.index < after) {
      footer.lastIndex = after;
      f = footer.exec(text);
      if (f === null) footer.lastIndex = text.length + 1;
    }
    if (next === null ? nextHeader.lastIndex <= after : next.index < after) {
      nextHeader.lastIndex = after;
      next = nextHeader.exec(text);
      if (next === null) nextHeader.lastIndex = text.length + 1;
    }
    let end: number;
    // A footer after the next key's header is that key's: this one was pasted without its own.
    if (
      f !== null &&
      f.index - start <= PRIVATE_KEY_MAX &&
      (next === null || next.index > f.index)
    ) {
      end = f.index + f[0].length;
    } else {
      body.lastIndex = after;
      end = after + (body.exec(text)?.[0].length ?? 0);
    }
    spans.push({ start, end });
    header.lastIndex = end;
  }
  return spans;
}

// A name that holds a secret (`api_key`, `DB_PASSWORD`, `clientSecret`, `Authorization`), an
// assignment (`=`, `:`, `:=`, `=>`, a Markdown table cell), an optional auth scheme, and the
// value, quoted or up to the next space, quote, comma, semicolon or pipe.
const GENERIC_ASSIGNMENT =
  /(?:secret|token|pass|pwd|credential|auth|key)[\w.-]{0,20}["']?[ \t]*(?::=|=>|=|:|\|)[ \t]*(?:(?:bearer|basic|token)[ \t]+)?(?:"([^"\r\n]+)(?=")|'([^'\r\n]+)(?=')|`([^`\r\n]+)(?=`)|([^\s"'`,;|]+))/gi;
function refineGenericValue(value: string): string | null {
  const trimmed = value.replace(/[.)\]}>]+$/, '');
  return genericSecretValid(trimmed) ? trimmed : null;
}

// After `scheme://`: `user:password@`. Anchored on `://`, which is rarer than word starts.
const URL_USERINFO = /[^\s:/@]+:([^\s:/@]+)@/y;
const URL_PASSWORD_PLACEHOLDER = /^(?:\*+|x+|<[^>]*>|\$\{[^}]*\}|\$[A-Za-z_]\w*|%[^%]+%)$/i;

function urlCredentials(text: string): Span[] {
  const userinfo = new RegExp(URL_USERINFO);
  const spans: Span[] = [];
  for (let at = text.indexOf('://'); at !== -1; at = text.indexOf('://', at + 3)) {
    userinfo.lastIndex = at + 3;
    const m = userinfo.exec(text);
    if (m === null || URL_PASSWORD_PLACEHOLDER.test(m[1]!)) continue;
    const end = userinfo.lastIndex - 1;
    spans.push({ start: end - m[1]!.length, end });
  }
  return spans;
}

const genericAssignments = regexFinder(GENERIC_ASSIGNMENT, { refine: refineGenericValue });

const isLocalPartChar = (c: number) =>
  (c >= 97 && c <= 122) ||
  (c >= 65 && c <= 90) ||
  (c >= 48 && c <= 57) ||
  c === 46 ||
  c === 95 ||
  c === 37 ||
  c === 43 ||
  c === 45;
const EMAIL_DOMAIN =
  /[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\.[A-Za-z]{2,24}(?![A-Za-z0-9-])/y;

// Anchored on `@`. The local part is up to 64 characters before it, even when more letters
// precede them: an address glued to other text is still redacted, with a little of that text.
function findEmails(text: string): Span[] {
  const domain = new RegExp(EMAIL_DOMAIN);
  const spans: Span[] = [];
  for (let at = text.indexOf('@'); at !== -1; at = text.indexOf('@', at + 1)) {
    let start = at;
    while (start > 0 && at - start < 64 && isLocalPartChar(text.charCodeAt(start - 1))) start--;
    if (start === at) continue;
    domain.lastIndex = at + 1;
    if (domain.exec(text) !== null) spans.push({ start, end: domain.lastIndex });
  }
  return spans;
}

const isHexOrColon = (c: number) =>
  (c >= 48 && c <= 58) || (c >= 97 && c <= 102) || (c >= 65 && c <= 70);
const isWordChar = (c: number) =>
  (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;
const isDigit = (c: number) => c >= 48 && c <= 57;

// Anchored on `:`: the longest run of hex digits and colons around it, not inside a word, a
// dotted name or an IPv4-mapped tail.
function findIpv6(text: string): Span[] {
  const spans: Span[] = [];
  for (let at = text.indexOf(':'); at !== -1;) {
    let start = at;
    while (start > 0 && isHexOrColon(text.charCodeAt(start - 1))) start--;
    let end = at;
    while (end < text.length && isHexOrColon(text.charCodeAt(end))) end++;
    at = text.indexOf(':', end);
    const before = start > 0 ? text.charCodeAt(start - 1) : -1;
    const after = end < text.length ? text.charCodeAt(end) : -1;
    if (isWordChar(before) || before === 46 || isWordChar(after)) continue;
    if (after === 46 && isDigit(text.charCodeAt(end + 1))) continue;
    if (end - start < 3) continue;
    const candidate = text.slice(start, end);
    if (candidate.indexOf(':') !== candidate.lastIndexOf(':') && ipv6Valid(candidate)) {
      spans.push({ start, end });
    }
  }
  return spans;
}

export const REDACTION_PATTERNS: readonly RedactionPattern[] = [
  {
    id: 'private-key',
    category: 'secret',
    description: 'Private key block (PEM, OpenSSH, PGP), up to its END line',
    find: findPrivateKeys,
  },
  {
    id: 'aws-access-key',
    category: 'secret',
    description: 'AWS access key ID (AKIA, ASIA, ABIA, ACCA, A3T… and 16 characters)',
    find: regexFinder(
      /(?<![A-Za-z0-9])(?:A3T[A-Z0-9]|AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}(?![A-Za-z0-9])/g,
    ),
  },
  {
    id: 'github-token',
    category: 'secret',
    description: 'GitHub token (ghp_, gho_, ghu_, ghs_, ghr_ and 36+ characters; github_pat_)',
    find: regexFinder(
      /(?<![A-Za-z0-9_])(?:gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{50,})(?![A-Za-z0-9_])/g,
    ),
  },
  {
    id: 'anthropic-key',
    category: 'secret',
    description: 'Anthropic API or admin key (sk-ant-api03-…, sk-ant-admin01-…)',
    find: regexFinder(
      /(?<![A-Za-z0-9_-])sk-ant-[a-z0-9]{2,12}-[A-Za-z0-9_-]{32,}(?![A-Za-z0-9_-])/g,
    ),
  },
  {
    id: 'openai-key',
    category: 'secret',
    description: 'OpenAI API key (sk-proj-…, sk-svcacct-…, sk-admin-…, legacy sk-… with 32+)',
    find: regexFinder(
      /(?<![A-Za-z0-9_-])sk-(?:(?:proj|svcacct|admin|None)-[A-Za-z0-9_-]{32,}|[A-Za-z0-9]{32,})(?![A-Za-z0-9_-])/g,
    ),
  },
  {
    id: 'slack-webhook',
    category: 'secret',
    description: 'Slack incoming webhook or workflow URL',
    find: regexFinder(
      /(?:https?:\/\/)?hooks\.slack\.com\/(?:services|workflows|triggers)\/[A-Za-z0-9+/_-]{20,}/g,
    ),
  },
  {
    id: 'slack-token',
    category: 'secret',
    description: 'Slack token (xoxb-, xoxp-, xoxa-, xoxo-, xoxs-, xoxr-, xoxe-, xapp-)',
    find: regexFinder(
      /(?<![A-Za-z0-9_-])(?:xox[abposre]|xoxe\.xox[bp]|xapp)-[A-Za-z0-9-]{10,}(?![A-Za-z0-9_])/g,
    ),
  },
  {
    id: 'jwt',
    category: 'secret',
    description: 'JSON Web Token (three base64url parts, the first two starting eyJ)',
    find: regexFinder(
      /(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}(?![A-Za-z0-9_-])/g,
    ),
  },
  {
    id: 'generic-secret',
    category: 'secret',
    description:
      'Value of a key, secret, token or password name with high entropy; password in a URL',
    find: (text) => [...genericAssignments(text), ...urlCredentials(text)],
  },
  {
    id: 'email',
    category: 'personal',
    description: 'E-mail address',
    find: findEmails,
  },
  {
    id: 'card-number',
    category: 'personal',
    description: 'Payment card number (13-19 digits, known prefix, Luhn checksum)',
    find: regexFinder(/(?<![\w.,+-])\d(?:[ -]?\d){12,18}(?!\w|[.,-]\d)/g, {
      refine: validOrNull(cardNumberValid),
    }),
  },
  {
    id: 'ipv6',
    category: 'personal',
    description: 'IPv6 address (full or compressed, ::1 included)',
    find: findIpv6,
  },
  {
    id: 'ipv4',
    category: 'personal',
    description: 'IPv4 address (octets up to 255, 127.0.0.1 included)',
    find: regexFinder(/(?<![\w.])(?:\d{1,3}\.){3}\d{1,3}(?!\w|\.\d)/g, {
      refine: validOrNull(ipv4Valid),
    }),
  },
  {
    id: 'phone',
    category: 'personal',
    description: 'Phone number (+ and 8-15 digits, (555) 123-4567, 555-123-4567, 020 7946 0958)',
    find: regexFinder(
      /(?<![\w+.-])(?:\+\d[\d ().-]{6,22}\d|(?:\(\d{3}\) ?|\d{3}[.-])\d{3}[.-]\d{4}|0\d{2,4}[ /-]\d{3,4}[ -]?\d{3,4})(?!\w|[.-]\d)/g,
      { refine: validOrNull(phoneValid) },
    ),
  },
];
