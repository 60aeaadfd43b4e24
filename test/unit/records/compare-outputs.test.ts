import { describe, expect, it } from 'vitest';
import {
  compareJson,
  compareOutputs,
  textSimilarity,
} from '../../../workflows/records/compare-outputs.ts';

describe('compareOutputs on JSON', () => {
  it('names every field that changed, appeared or disappeared, with its path', () => {
    const before = {
      questions: [
        { question: 'How long may comments stay queued?', recommended: 'Until the next sync' },
        {
          question: 'Who sees queued comments?',
          recommended: 'Only their author',
          options: ['A', 'B'],
        },
      ],
      confidence: 0.8,
    };
    const after = {
      questions: [
        { question: 'How long may comments stay queued?', recommended: 'One week' },
        { question: 'Who sees queued comments?', recommended: 'Only their author', options: ['A'] },
        { question: 'What if the sync fails?', recommended: 'Retry' },
      ],
      notes: 'none',
    };
    const result = compareOutputs(
      { text: JSON.stringify(before), json: before },
      { text: JSON.stringify(after), json: after },
    );
    expect(result.fields.map((f) => `${f.status} ${f.path}`)).toEqual([
      'same questions[0].question',
      'changed questions[0].recommended',
      'same questions[1].question',
      'same questions[1].recommended',
      'same questions[1].options[0]',
      'removed questions[1].options[1]',
      'added questions[2]',
      'removed confidence',
      'added notes',
    ]);
    expect(result.counts).toEqual({ same: 4, changed: 1, added: 2, removed: 2 });
    expect(result.identical).toBe(false);
    const changed = result.fields[1]!;
    expect(changed).toMatchObject({ before: 'Until the next sync', after: 'One week' });
    expect(changed.similarity).toBe(0);
    expect(result.textSimilarity).toBeGreaterThan(0.5);
    expect(result.textSimilarity).toBeLessThan(1);
  });

  it('reports identical outputs as identical', () => {
    const json = { a: [1, { b: null }], 'odd key': true, empty: {} };
    const result = compareOutputs({ text: 'x', json }, { text: 'x', json: structuredClone(json) });
    expect(result.identical).toBe(true);
    expect(result.fields.map((f) => f.path)).toEqual(['a[0]', 'a[1].b', '["odd key"]', 'empty']);
    expect(result.textSimilarity).toBe(1);
  });

  it('treats a change of type as a change of the field, and an output that failed to parse as removed content', () => {
    expect(compareJson({ a: [1] }, { a: { 0: 1 } })).toEqual([
      { path: 'a', status: 'changed', before: [1], after: { 0: 1 } },
    ]);
    const result = compareOutputs(
      { text: '{"a":1}', json: { a: 1 } },
      { text: '{"a":', json: null },
    );
    expect(result.fields).toEqual([{ path: '', status: 'changed', before: { a: 1 }, after: null }]);
  });
});

describe('compareOutputs on free text', () => {
  it('gives one field with a similarity ratio', () => {
    const result = compareOutputs(
      { text: 'The system shall queue comments while offline.', json: null },
      { text: 'The system shall store comments while offline.', json: null },
    );
    expect(result.fields).toHaveLength(1);
    expect(result.fields[0]).toMatchObject({ path: '', status: 'changed' });
    // 8 tokens each, 7 shared in order.
    expect(result.fields[0]!.similarity).toBeCloseTo(14 / 16);
  });
});

describe('textSimilarity', () => {
  it('is 1 for equal texts, 0 for texts with nothing in common, symmetric in between', () => {
    expect(textSimilarity('', '')).toBe(1);
    expect(textSimilarity('alpha beta', 'gamma delta')).toBe(0);
    expect(textSimilarity('a b c d', 'a c d e')).toBe(textSimilarity('a c d e', 'a b c d'));
    expect(textSimilarity('a b c d', 'a c d e')).toBeCloseTo(6 / 8);
  });
});
