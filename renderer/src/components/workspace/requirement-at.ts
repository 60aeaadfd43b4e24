// Which requirement the cursor is on: an ID under it, or else the requirement whose heading is
// the nearest above it. IDs are the ones drift traces in code (REQ-…, FR-…).
import type { Text } from '@codemirror/state';
import { REQUIREMENT_ID } from '../../../../workflows/drift/requirement-ids.ts';

const HEADING = /^ {0,3}#{1,6}\s/;

/** The requirement ID written at `pos` (the cursor inside or at either end of it). */
export function idAt(doc: Text, pos: number): string | null {
  const line = doc.lineAt(pos);
  const column = pos - line.from;
  for (const match of line.text.matchAll(REQUIREMENT_ID)) {
    if (match.index <= column && column <= match.index + match[0].length) return match[0];
  }
  return null;
}

/** The ID under the cursor, or the ID in the nearest heading above it. */
export function requirementAt(doc: Text, pos: number): string | null {
  const under = idAt(doc, pos);
  if (under) return under;
  for (let n = doc.lineAt(pos).number; n >= 1; n--) {
    const text = doc.line(n).text;
    if (!HEADING.test(text)) continue;
    const id = text.match(REQUIREMENT_ID)?.[0];
    if (id) return id;
    // A heading without an ID at the same or a higher level ends the search.
    if (/^ {0,3}#{1,3}\s/.test(text)) return null;
  }
  return null;
}
