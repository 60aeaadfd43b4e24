// What is redacted before a prompt leaves the machine, in priority order: where two patterns
// overlap, the union of both spans is redacted under the earlier one. Secrets follow the public
// gitleaks rules (checked against gitleaks' config in 2025), widened where a narrower rule
// would let a real token through: redacting a little too much costs a worse prompt, too little
// costs a leaked key. Personal data (e-mail, phone, IP, card) follows REFERENCE.md.
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
// - Public keys and certificates are not secrets; only PRIVATE KEY blocks are.
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
  /**
   * Found only next to a name (`password = …`): every other occurrence of a value it found is
   * redacted too, so the same password in prose does not slip through.
   */
  contextual?: boolean;
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
  const body = new RegExp(PRIVATE_KEY_BODY);
  const spans: Span[] = [];
  let m: RegExpExecArray | null;
  while ((m = header.exec(text)) !== null) {
    const start = m.index;
    footer.lastIndex = header.lastIndex;
    const f = footer.exec(text);
    let end: number;
    if (f !== null && f.index - start <= PRIVATE_KEY_MAX) {
      end = f.index + f[0].length;
    } else {
      body.lastIndex = header.lastIndex;
      end = header.lastIndex + (body.exec(text)?.[0].length ?? 0);
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
// The password in `scheme://user:password@host`.
const URL_CREDENTIALS = /\b[a-z][a-z0-9+.-]*:\/\/[^\s:/@]+:([^\s:/@]+)(?=@)/gi;

function refineGenericValue(value: string): string | null {
  const trimmed = value.replace(/[.)\]}>]+$/, '');
  return genericSecretValid(trimmed) ? trimmed : null;
}

function refineUrlPassword(value: string): string | null {
  return /^(?:\*+|x+|<[^>]*>|\$\{[^}]*\}|\$[A-Za-z_]\w*|%[^%]+%)$/i.test(value) ? null : value;
}

const genericAssignments = regexFinder(GENERIC_ASSIGNMENT, { refine: refineGenericValue });
const urlCredentials = regexFinder(URL_CREDENTIALS, { refine: refineUrlPassword });

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
    contextual: true,
    find: (text) => [...genericAssignments(text), ...urlCredentials(text)],
  },
  {
    id: 'email',
    category: 'personal',
    description: 'E-mail address',
    find: regexFinder(
      /(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\.[A-Za-z]{2,24}(?![A-Za-z0-9-])/g,
    ),
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
    find: regexFinder(/(?<![\w:.])[0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){2,7}(?![\w:.])/g, {
      refine: validOrNull(ipv6Valid),
    }),
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
