// Recorded model calls written out for other tools: JSON Lines of whole envelopes (one call per
// line, messages included: the full local record) or OTLP JSON spans (workflows/records/
// otlp-export.ts: GenAI attribute names, no message contents). The Settings view writes them
// into <dataDir>/exports/; `cairn export-traces` writes the same OTLP text where it is told.
import fs from 'node:fs';
import path from 'node:path';
import type { Envelope } from '../../../workflows/records/envelope.ts';
import { toOtlpTraces } from '../../../workflows/records/otlp-export.ts';
import { writeFileAtomic } from '../files/atomic-write.ts';
import type { RecordFilter, RecordStore } from './record-store.ts';

export type ExportFormat = 'jsonl' | 'otlp';

export const EXPORTS_DIR = 'exports';

export interface ExportResult {
  file: string;
  format: ExportFormat;
  records: number;
  bytes: number;
}

/** The export's text: one envelope per line, or one OTLP JSON document. */
export function renderExport(
  envelopes: readonly Envelope[],
  format: ExportFormat,
  serviceVersion: string,
): string {
  if (format === 'otlp') return JSON.stringify(toOtlpTraces(envelopes, { serviceVersion })) + '\n';
  return envelopes.map((e) => JSON.stringify(e) + '\n').join('');
}

export function exportsDir(dataDir: string): string {
  return path.join(dataDir, EXPORTS_DIR);
}

/** A new file name in the exports folder, stamped with the time (never an existing file). */
function exportFile(dataDir: string, format: ExportFormat, now: Date): string {
  const stamp = now
    .toISOString()
    .replace(/\.\d+Z$/, 'Z')
    .replace(/:/g, '-');
  const base = format === 'otlp' ? `cairn-traces-${stamp}` : `cairn-records-${stamp}`;
  const ext = format === 'otlp' ? '.otlp.json' : '.jsonl';
  for (let n = 1; ; n++) {
    const file = path.join(exportsDir(dataDir), `${base}${n === 1 ? '' : `-${n}`}${ext}`);
    if (!fs.existsSync(file)) return file;
  }
}

/** Writes the calls recorded in [since, until) (all when both are unset), oldest first. */
export function exportRecords(
  records: RecordStore,
  dataDir: string,
  options: Pick<RecordFilter, 'since' | 'until'> & {
    format: ExportFormat;
    serviceVersion: string;
    now?: Date;
  },
): ExportResult {
  const envelopes = records.list({ since: options.since, until: options.until, order: 'oldest' });
  const text = renderExport(envelopes, options.format, options.serviceVersion);
  const file = exportFile(dataDir, options.format, options.now ?? new Date());
  writeFileAtomic(file, text);
  return {
    file,
    format: options.format,
    records: envelopes.length,
    bytes: Buffer.byteLength(text),
  };
}
