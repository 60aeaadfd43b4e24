// The proof item of the escalation issue: at least 200 seeded secrets and personal data of
// every pattern, placed in spec Markdown, never survive redaction (not even inside the JSON
// body a provider would receive) and come back exactly with restore(); at least 50 near-misses
// survive unchanged.
import { describe, expect, it } from 'vitest';
import {
  REDACTION_PATTERNS,
  redactMessages,
  redactText,
  safeRedact,
} from '../../../native-models/routing/redaction/index.ts';
import { buildCorpus, nearMisses } from '../../fixtures/redaction/corpus.ts';

const corpus = buildCorpus();
const secrets = corpus.flatMap((d) => d.secrets);
const misses = nearMisses();

/** The value and the forms it takes inside a JSON request body. */
const forms = (value: string) => [value, JSON.stringify(value).slice(1, -1)];

describe('redaction corpus', () => {
  it('seeds at least 200 values covering every pattern', () => {
    expect(secrets.length).toBeGreaterThanOrEqual(200);
    const seeded = new Set(secrets.map((s) => s.patternId));
    for (const p of REDACTION_PATTERNS) expect(seeded, p.id).toContain(p.id);
  });

  it('reports every seeded value under its pattern, in every document', () => {
    for (const doc of corpus) {
      const { findings } = redactText(doc.text);
      for (const s of doc.secrets) {
        let from = 0;
        for (let at = doc.text.indexOf(s.value); at !== -1; at = doc.text.indexOf(s.value, from)) {
          const covering = findings.find((f) => f.start <= at && f.end >= at + s.value.length);
          expect(covering?.patternId, `${s.patternId} ${s.value}`).toBe(s.patternId);
          from = at + 1;
        }
      }
    }
  });

  it('leaves no seeded value in the redacted text, the request body or the report', () => {
    const messages = corpus.map((d, i) => ({
      role: i % 2 ? ('assistant' as const) : ('user' as const),
      content: d.text,
    }));
    const result = safeRedact(messages);
    if (!result.ok) throw result.error;
    const body = JSON.stringify({ model: 'm', messages: result.redaction.messages });
    // The occurrences, not the descriptions (which name 127.0.0.1 and ::1 as examples).
    const report = JSON.stringify(result.redaction.report.entries.map((e) => e.occurrences));
    for (const s of secrets) {
      for (const piece of [s.value, ...s.fragments]) {
        for (const form of forms(piece)) {
          expect(body.includes(form), `${s.patternId} ${piece}`).toBe(false);
          expect(report.includes(form), `${s.patternId} in report`).toBe(false);
        }
      }
    }
  });

  it('restores every document exactly, one at a time and as one request', () => {
    for (const doc of corpus) {
      const r = redactText(doc.text);
      expect(r.restore(r.text)).toBe(doc.text);
    }
    const all = redactMessages(corpus.map((d) => ({ role: 'user', content: d.text })));
    all.messages.forEach((m, i) => expect(all.restore(m.content)).toBe(corpus[i]!.text));
  });

  it('gives the same value the same placeholder in every message of a request', () => {
    const repeated = secrets
      .slice(0, 40)
      .map((s) => s.value)
      .join('\n\n');
    const r = redactMessages([
      { role: 'system', content: repeated },
      { role: 'user', content: `again:\n\n${repeated}` },
    ]);
    const at = (i: number) => r.messages[i]!.content.match(/\[\[REDACTED:[a-z0-9-]+:\d+\]\]/g);
    expect(at(1)).toEqual(at(0));
  });

  it('keeps at least 50 near-misses unchanged, alone and inside the corpus', () => {
    expect(misses.length).toBeGreaterThanOrEqual(50);
    for (const miss of misses) {
      const r = redactText(`Note: ${miss} here.`);
      expect(r.findings, miss).toEqual([]);
      expect(r.text).toBe(`Note: ${miss} here.`);
    }
    for (const doc of corpus) {
      const { text } = redactText(doc.text);
      for (const line of doc.text.split('\n').filter((l) => l.startsWith('Related: '))) {
        expect(text).toContain(line);
      }
    }
  });
});
