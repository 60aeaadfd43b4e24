// Property-based: redaction never throws on any text (unicode, lone surrogates, text that
// looks like placeholders or escapes), restore() gives back exactly the original, and
// safeRedact never throws.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  redactMessages,
  redactText,
  safeRedact,
} from '../../../native-models/routing/redaction/index.ts';
import { buildCorpus } from '../../fixtures/redaction/corpus.ts';

const SEED = 20240607;
const samples = buildCorpus(SEED, 2).flatMap((d) => d.secrets.map((s) => s.value));
const pieces = [
  ...samples,
  '[[REDACTED:email:1]]',
  '[[REDACTED:',
  '[[\\REDACTED:',
  '[[',
  ']]',
  '\\',
  'REDACTED:',
  'password=',
  'token: ',
  ' ',
  '\n',
  '@',
  '.',
  ':',
  '+1 ',
  '4111',
  '-----BEGIN PRIVATE KEY-----\n',
  '-----END PRIVATE KEY-----',
];
const text = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc
    .array(fc.oneof(fc.constantFrom(...pieces), fc.string({ unit: 'binary', maxLength: 8 })), {
      maxLength: 30,
    })
    .map((parts) => parts.join('')),
);

describe('redaction properties', () => {
  it('round-trips any text and never throws', () => {
    fc.assert(
      fc.property(text, (original) => {
        const r = redactText(original);
        expect(r.restore(r.text)).toBe(original);
      }),
      { seed: SEED, numRuns: 2000 },
    );
  });

  it('round-trips requests of several messages; safeRedact passes or refuses a residual', () => {
    fc.assert(
      fc.property(fc.array(text, { minLength: 1, maxLength: 4 }), (contents) => {
        const messages = contents.map((content) => ({ role: 'user' as const, content }));
        const r = redactMessages(messages);
        r.messages.forEach((m, i) => expect(r.restore(m.content)).toBe(contents[i]));
        // Text glued to a secret can become a match of its own once the secret is replaced
        // (`…:730https://hooks.slack.com/…`); safeRedact then refuses, which is the point.
        const safe = safeRedact(messages);
        if (!safe.ok) expect(safe.error.problem).toBe('residual');
      }),
      { seed: SEED, numRuns: 500 },
    );
  });
});
