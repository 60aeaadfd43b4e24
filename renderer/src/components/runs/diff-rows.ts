// A unified diff (as workflows/engine/change-diff.ts writes it) as rows a reviewer reads: each
// line with its number in the old and the new file, and whether it was added or removed.

export interface DiffRow {
  kind: 'context' | 'added' | 'removed' | 'hunk';
  /** Line number in the file before the change; null for added lines and hunk headers. */
  oldLine: number | null;
  /** Line number in the file after the change; null for removed lines and hunk headers. */
  newLine: number | null;
  text: string;
}

const HUNK = /^@@ -(\d+)(?:,\d+)? \+(\d+)(?:,\d+)? @@/;

export function diffRows(diff: string): DiffRow[] {
  const rows: DiffRow[] = [];
  let oldLine = 0;
  let newLine = 0;
  for (const line of diff.split('\n')) {
    if (line.startsWith('--- ') || line.startsWith('+++ ')) continue;
    const hunk = HUNK.exec(line);
    if (hunk) {
      // A hunk that starts at line 0 is an insertion into (or the creation of) an empty range.
      oldLine = Math.max(1, Number(hunk[1]));
      newLine = Math.max(1, Number(hunk[2]));
      rows.push({ kind: 'hunk', oldLine: null, newLine: null, text: line });
      continue;
    }
    if (rows.length === 0) continue;
    const text = line.slice(1);
    if (line.startsWith('+')) rows.push({ kind: 'added', oldLine: null, newLine: newLine++, text });
    else if (line.startsWith('-'))
      rows.push({ kind: 'removed', oldLine: oldLine++, newLine: null, text });
    else rows.push({ kind: 'context', oldLine: oldLine++, newLine: newLine++, text });
  }
  return rows;
}

/** Lines added and removed, for a change's header. */
export function diffStats(rows: readonly DiffRow[]): { added: number; removed: number } {
  return {
    added: rows.filter((r) => r.kind === 'added').length,
    removed: rows.filter((r) => r.kind === 'removed').length,
  };
}
