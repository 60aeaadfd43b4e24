import { EditorState, Text } from '@codemirror/state';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../workflows/lint/finding.ts';
import {
  fixChanges,
  minimalChange,
  offsetOf,
  toDiagnostics,
} from '../../../renderer/src/components/workspace/lint-diagnostics.ts';
import { idAt, requirementAt } from '../../../renderer/src/components/workspace/requirement-at.ts';

const doc = (text: string) => Text.of(text.split('\n'));

const SHOULD: Finding = {
  ruleId: 'EARS-004',
  severity: 'warning',
  message: '"should" makes it optional',
  path: 'a.md',
  range: { start: { line: 2, column: 9 }, end: { line: 2, column: 15 } },
  fix: {
    description: 'Replace "should" with "shall"',
    edits: [
      {
        range: { start: { line: 2, column: 9 }, end: { line: 2, column: 15 } },
        newText: 'shall',
      },
    ],
  },
};

describe('lint findings in the editor', () => {
  it('puts a finding on the characters it names, with severity, rule ID and message', () => {
    const text = doc('# A\nThe app should save.');
    const [diagnostic] = toDiagnostics(text, [SHOULD]);
    expect(text.sliceString(diagnostic!.from, diagnostic!.to)).toBe('should');
    expect(diagnostic).toMatchObject({
      severity: 'warning',
      source: 'EARS-004',
      message: '"should" makes it optional',
      markClass: 'cm-rule-EARS-004',
    });
    expect(diagnostic!.actions?.map((a) => a.name)).toEqual(['Fix: Replace "should" with "shall"']);
  });

  it('applies the fix as an edit of the document', () => {
    const state = EditorState.create({ doc: '# A\nThe app should save.' });
    const next = state.update({ changes: fixChanges(state.doc, SHOULD) }).state;
    expect(next.doc.toString()).toBe('# A\nThe app shall save.');
  });

  it('counts columns as the linter does: after a byte-order mark, clamped into the line', () => {
    const text = doc('\uFEFFabc\nxy');
    expect(offsetOf(text, { line: 1, column: 1 })).toBe(1);
    expect(offsetOf(text, { line: 2, column: 99 })).toBe(text.length);
    expect(offsetOf(text, { line: 9, column: 1 })).toBe(text.line(2).from);
  });

  it('replaces only the span that changed (the cursor and undo history keep their meaning)', () => {
    // "sh" and " save." stay; "ould" becomes "all".
    expect(minimalChange('The app should save.', 'The app shall save.')).toEqual({
      from: 10,
      to: 14,
      insert: 'all',
    });
    expect(minimalChange('same', 'same')).toBeNull();
    expect(minimalChange('aaa', 'aaaa')).toEqual({ from: 3, to: 3, insert: 'a' });
  });
});

describe('the requirement at the cursor', () => {
  const text = doc(
    [
      '## Requirements',
      '### REQ-7KQ2M4: Cache notes',
      'When a note is shared, the app shall keep it (see REQ-9F3TXA).',
      '#### Scenario: Shared',
      '- WHEN shared',
      '## Notes',
      'Free text.',
    ].join('\n'),
  );
  const at = (line: number, column: number) => text.line(line).from + column;

  it('is the ID under the cursor', () => {
    expect(idAt(text, at(3, 52))).toBe('REQ-9F3TXA');
    expect(idAt(text, at(3, 5))).toBeNull();
  });

  it('is otherwise the requirement whose heading is above, through its scenarios', () => {
    expect(requirementAt(text, at(3, 5))).toBe('REQ-7KQ2M4');
    expect(requirementAt(text, at(5, 3))).toBe('REQ-7KQ2M4');
    expect(requirementAt(text, at(7, 2))).toBeNull();
  });
});
