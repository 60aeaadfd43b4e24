// One pattern at a time: what each redacts, and the borderline text it leaves alone (the
// decisions listed at the top of native-models/routing/redaction/patterns.ts).
import { describe, expect, it } from 'vitest';
import { redactText } from '../../../native-models/routing/redaction/index.ts';
import {
  cardNumberValid,
  genericSecretValid,
  ipv6Valid,
  luhnValid,
  shannonEntropy,
} from '../../../native-models/routing/redaction/validators.ts';

const ids = (text: string) => redactText(text).findings.map((f) => f.patternId);
const found = (text: string) =>
  redactText(text).findings.map((f) => [f.patternId, text.slice(f.start, f.end)]);

describe('redaction patterns', () => {
  it.each([
    ['aws-access-key', 'key AKIAIOSFODNN7EXAMPLE here', 'AKIAIOSFODNN7EXAMPLE'],
    ['aws-access-key', 'ASIAY34FZKBOKMUTVV7A,', 'ASIAY34FZKBOKMUTVV7A'],
    ['github-token', 'ghp_' + 'x'.repeat(36), 'ghp_' + 'x'.repeat(36)],
    ['github-token', 'github_pat_' + 'A1'.repeat(41), 'github_pat_' + 'A1'.repeat(41)],
    ['openai-key', 'sk-proj-' + 'a_B-'.repeat(20), 'sk-proj-' + 'a_B-'.repeat(20)],
    [
      'anthropic-key',
      'sk-ant-api03-' + 'Zz9_'.repeat(24) + 'AA',
      'sk-ant-api03-' + 'Zz9_'.repeat(24) + 'AA',
    ],
    [
      'slack-token',
      'xoxb-1234567890-1234567890123-abcdefABCDEF',
      'xoxb-1234567890-1234567890123-abcdefABCDEF',
    ],
    [
      'slack-webhook',
      'POST https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX now',
      'https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX',
    ],
    ['generic-secret', 'DB_PASSWORD=Tr0ub4dor&3x', 'Tr0ub4dor&3x'],
    [
      'generic-secret',
      '"client_secret": "9f86d081884c7d659a2feaa0c55ad015"',
      '9f86d081884c7d659a2feaa0c55ad015',
    ],
    ['generic-secret', 'Authorization: Bearer abcDEF123456ghiJKL789', 'abcDEF123456ghiJKL789'],
    ['generic-secret', 'password: Passw0rd!', 'Passw0rd!'],
    ['generic-secret', 'postgres://app:hunter2@db:5432/x', 'hunter2'],
    ['email', 'mail maya.chen+spec@example.com.', 'maya.chen+spec@example.com'],
    ['phone', 'call +44 20 7946 0958 today', '+44 20 7946 0958'],
    ['phone', 'call (555) 123-4567', '(555) 123-4567'],
    ['phone', 'call 555.123.4567', '555.123.4567'],
    ['ipv4', 'on 127.0.0.1:8080', '127.0.0.1'],
    ['ipv6', 'on [::1]:8080', '::1'],
    ['ipv6', 'host 2001:db8:85a3::8a2e:370:7334', '2001:db8:85a3::8a2e:370:7334'],
    ['card-number', 'card 4111-1111-1111-1111', '4111-1111-1111-1111'],
    ['card-number', 'amex 3782 822463 10005', '3782 822463 10005'],
  ])('%s finds its value in %j', (id, text, value) => {
    expect(found(text)).toEqual([[id, value]]);
  });

  it('takes a whole private key block, and a key pasted without its END line', () => {
    const block = `-----BEGIN OPENSSH PRIVATE KEY-----\n${'b3BlbnNzaC1rZXktdjEAAAAA\n'.repeat(4)}-----END OPENSSH PRIVATE KEY-----`;
    expect(found(`key:\n${block}\nafter`)).toEqual([['private-key', block]]);
    const partial = `-----BEGIN RSA PRIVATE KEY-----\n${'MIIEowIBAAKCAQEA1234567\n'.repeat(3)}`;
    const r = redactText(`${partial}\nThe next paragraph stays.`);
    expect(r.text).toBe('[[REDACTED:private-key:1]]\n\nThe next paragraph stays.');
    const json =
      '"private_key": "-----BEGIN PRIVATE KEY-----\\nMIIEvQIBADANBgkqhkiG9w0B\\n-----END PRIVATE KEY-----\\n"';
    // The `private_key` value rule also takes the trailing `\n`: the union goes under private-key.
    expect(redactText(json).text).toBe('"private_key": "[[REDACTED:private-key:1]]"');
  });

  it('redacts every occurrence of a password found next to its name', () => {
    const r = redactText('password = "x8#Vq2!mZp9Lr4Tw"\nLog in with x8#Vq2!mZp9Lr4Tw.');
    expect(r.text).toBe(
      'password = "[[REDACTED:generic-secret:1]]"\nLog in with [[REDACTED:generic-secret:1]].',
    );
  });

  it('prefers the earlier pattern where two overlap, and redacts their union', () => {
    expect(ids('GITHUB_TOKEN=ghp_' + 'k'.repeat(36))).toEqual(['github-token']);
  });

  it.each([
    ['a SHA-256 file hash', `sha256: ${'e3b0c442'.repeat(8)}`],
    ['a git commit', 'commit 1f0e3dad99908345f7439f8ffabdffc4'],
    ['requirement and task IDs', 'REQ-7KQ2M4, FR-001, T001'],
    ['semantic versions', 'v1.2.3 and 10.4.1 and 1.2.3.4.5'],
    ['dates and times', '2024-01-15 10:30:00 2024-01-15T10:30:00.000Z'],
    ['an IPv4-looking version over 255', '999.1.1.1'],
    ['an AWS prefix with 15 characters', 'AKIAIOSFODNN7EXAM'],
    ['a reference to a secret', 'token: ${{ secrets.GITHUB_TOKEN }}, key = process.env.API_KEY'],
    ['a low-entropy value', 'token = example; password=aaaaaaaa1'],
    ['a Luhn-valid number with no card prefix', '1700000000000 and 7992739871300'],
    ['an address without a dotted domain', 'root@localhost'],
    [
      'a public key',
      `-----BEGIN PUBLIC KEY-----\n${'MFkwEwYHKoZIzj0CAQYI\n'.repeat(3)}-----END PUBLIC KEY-----`,
    ],
    ['phone-like lists of figures', '555-1234, 300 500 1000, ISBN 978-3-16-148410-0'],
  ])('leaves %s alone', (_what, text) => {
    expect(found(text)).toEqual([]);
  });
});

describe('validators', () => {
  it('computes entropy, Luhn and card shapes', () => {
    expect(shannonEntropy('aaaa')).toBe(0);
    expect(shannonEntropy('abcd')).toBe(2);
    expect(luhnValid('79927398713')).toBe(true);
    expect(luhnValid('79927398710')).toBe(false);
    expect(cardNumberValid('4111 1111-1111 1111')).toBe(false);
    expect(cardNumberValid('41111 11111 11111 1')).toBe(false);
  });

  it('tells IPv6 addresses from times and scope operators', () => {
    expect(ipv6Valid('::1')).toBe(true);
    expect(ipv6Valid('1:2:3:4:5:6:7:8')).toBe(true);
    expect(ipv6Valid('10:30:00')).toBe(false);
    expect(ipv6Valid('::')).toBe(false);
    expect(ipv6Valid('1::2::3')).toBe(false);
  });

  it('tells secret values from words, paths, identifiers and placeholders', () => {
    for (const value of ['Tr0ub4dor&3', 'changeme123', 'Summer2024!', 'K7Q2M4ZP9XW3']) {
      expect(genericSecretValid(value), value).toBe(true);
    }
    for (const value of [
      'created_at_desc',
      '/etc/cairn/secret.key',
      'process.env.API_TOKEN',
      'YOUR_API_KEY_HERE',
      '<password>',
      '********',
      'REQ-7KQ2M4',
      '2024-01-15',
      'correcthorsebatterystaple',
    ]) {
      expect(genericSecretValid(value), value).toBe(false);
    }
  });
});
