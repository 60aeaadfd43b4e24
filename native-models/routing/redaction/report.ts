// The redaction report a user reads before consenting: per pattern, how many values, where
// (message and line) and a masked preview. It never holds a whole value, so it may be logged.
import type { RedactionPattern } from './patterns.ts';

export interface ReportOccurrence {
  message: number;
  /** 1-based line of the value's first character in the original message. */
  line: number;
  placeholder: string;
  preview: string;
}

export interface ReportEntry {
  patternId: string;
  description: string;
  count: number;
  occurrences: ReportOccurrence[];
}

export interface RedactionReport {
  total: number;
  entries: ReportEntry[];
}

/**
 * `AKIA…WXYZ (20 chars)`: 4 + 4 UTF-16 units from 20 up, 2 + 2 from 12, 1 + 1 from 8, none
 * below (halves of surrogate pairs dropped), so a preview helps recognise a value but never
 * gives it away.
 */
export function maskValue(value: string): string {
  // A key block's first line says what it is and is no secret.
  const armour = /^-----BEGIN [A-Z0-9 _-]+-----/.exec(value);
  if (armour) return `${armour[0]}… (${value.length} chars)`;
  const n = value.length;
  const [head, tail] = n >= 20 ? [4, 4] : n >= 12 ? [2, 2] : n >= 8 ? [1, 1] : [0, 0];
  const shown = (s: string) => s.replace(/[\ud800-\udfff]/g, '').replace(/\s/g, ' ');
  return `${shown(value.slice(0, head))}…${shown(value.slice(n - tail))} (${n} chars)`;
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

function lineOf(starts: number[], offset: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (starts[mid]! <= offset) low = mid;
    else high = mid - 1;
  }
  return low + 1;
}

export function buildReport(
  texts: readonly string[],
  findings: readonly {
    patternId: string;
    placeholder: string;
    start: number;
    end: number;
    message: number;
  }[],
  patterns: readonly RedactionPattern[],
): RedactionReport {
  const starts = new Map<number, number[]>();
  const entries = new Map<string, ReportEntry>();
  for (const f of findings) {
    let lines = starts.get(f.message);
    if (!lines) starts.set(f.message, (lines = lineStarts(texts[f.message]!)));
    let entry = entries.get(f.patternId);
    if (!entry) {
      const description = patterns.find((p) => p.id === f.patternId)?.description ?? f.patternId;
      entry = { patternId: f.patternId, description, count: 0, occurrences: [] };
      entries.set(f.patternId, entry);
    }
    entry.count++;
    entry.occurrences.push({
      message: f.message,
      line: lineOf(lines, f.start),
      placeholder: f.placeholder,
      preview: maskValue(texts[f.message]!.slice(f.start, f.end)),
    });
  }
  const order = new Map(patterns.map((p, i) => [p.id, i]));
  return {
    total: findings.length,
    entries: [...entries.values()].sort(
      (a, b) => (order.get(a.patternId) ?? 0) - (order.get(b.patternId) ?? 0),
    ),
  };
}

/** The report as plain text, one line per value. */
export function formatReport(report: RedactionReport): string {
  if (report.total === 0) return 'Nothing was redacted.';
  const lines = [`Redacted ${report.total} value${report.total === 1 ? '' : 's'}:`];
  for (const e of report.entries) {
    lines.push(`  ${e.patternId} (${e.description}): ${e.count}`);
    for (const o of e.occurrences) {
      lines.push(`    message ${o.message + 1}, line ${o.line}: ${o.preview} → ${o.placeholder}`);
    }
  }
  return lines.join('\n');
}
