import type { Position } from '../specs/model.ts';
import type { TextEdit } from './finding.ts';

/**
 * Applies edits (1-based line/column ranges, as findings give them) to the original file
 * text, BOM and CRLF line endings included. Edits that overlap one already applied are
 * skipped and returned, so nothing is applied twice or half.
 */
export function applyEdits(
  text: string,
  edits: readonly TextEdit[],
): { text: string; skipped: TextEdit[] } {
  const starts = lineStarts(text);
  const offsetOf = (p: Position) => (starts[p.line - 1] ?? text.length) + p.column - 1;
  const ordered = [...edits]
    .map((edit) => ({ edit, from: offsetOf(edit.range.start), to: offsetOf(edit.range.end) }))
    .sort((a, b) => b.from - a.from || b.to - a.to);
  const skipped: TextEdit[] = [];
  let out = text;
  let limit = Infinity;
  for (const { edit, from, to } of ordered) {
    if (to > limit || from > to) {
      skipped.push(edit);
      continue;
    }
    out = out.slice(0, from) + edit.newText + out.slice(to);
    limit = from;
  }
  return { text: out, skipped };
}

function lineStarts(text: string): number[] {
  const starts = [text.charCodeAt(0) === 0xfeff ? 1 : 0];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\n') starts.push(i + 1);
    else if (text[i] === '\r' && text[i + 1] !== '\n') starts.push(i + 1);
  }
  return starts;
}
