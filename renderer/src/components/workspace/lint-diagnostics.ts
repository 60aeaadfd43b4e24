// Lint findings (1-based lines and columns, as `cairn lint` prints them) as CodeMirror
// diagnostics: an underline per finding with its severity, rule ID and message, and the rule's
// mechanical fix as an action.
import type { Diagnostic } from '@codemirror/lint';
import type { Text } from '@codemirror/state';
import type { Finding } from '../../../../workflows/lint/finding.ts';
import type { Position } from '../../../../workflows/specs/model.ts';

/** The document offset of a finding's position; clamped into the document. */
export function offsetOf(doc: Text, position: Position): number {
  const line = doc.line(Math.min(Math.max(position.line, 1), doc.lines));
  // The parser does not count a byte-order mark; the editor keeps it as a character.
  const bom = line.number === 1 && doc.sliceString(0, 1) === '\uFEFF' ? 1 : 0;
  return line.from + Math.min(Math.max(position.column - 1, 0) + bom, line.length);
}

/** The edits of a fix as editor changes, at their places in `doc`. */
export function fixChanges(
  doc: Text,
  finding: Finding,
  shift = 0,
): { from: number; to: number; insert: string }[] {
  return (finding.fix?.edits ?? []).map((edit) => ({
    from: offsetOf(doc, edit.range.start) + shift,
    to: offsetOf(doc, edit.range.end) + shift,
    insert: edit.newText,
  }));
}

export function toDiagnostics(doc: Text, findings: readonly Finding[]): Diagnostic[] {
  return findings.map((finding) => {
    const from = offsetOf(doc, finding.range.start);
    const to = Math.max(from, offsetOf(doc, finding.range.end));
    const diagnostic: Diagnostic = {
      from,
      to,
      severity: finding.severity,
      source: finding.ruleId,
      message: finding.message,
      markClass: `cm-rule-${finding.ruleId}`,
    };
    if (finding.fix) {
      diagnostic.actions = [
        {
          name: `Fix: ${finding.fix.description}`,
          apply(view, currentFrom) {
            // The text may have moved since the lint ran: move the fix with its finding.
            const shift = currentFrom - from;
            view.dispatch({ changes: fixChanges(doc, finding, shift), userEvent: 'input.fix' });
          },
        },
      ];
    }
    return diagnostic;
  });
}

/** The one span where `after` differs from `before`, as an editor change; null when equal. */
export function minimalChange(
  before: string,
  after: string,
): { from: number; to: number; insert: string } | null {
  if (before === after) return null;
  let start = 0;
  const shorter = Math.min(before.length, after.length);
  while (start < shorter && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let end = 0;
  while (
    end < shorter - start &&
    before.charCodeAt(before.length - 1 - end) === after.charCodeAt(after.length - 1 - end)
  ) {
    end++;
  }
  return { from: start, to: before.length - end, insert: after.slice(start, after.length - end) };
}
