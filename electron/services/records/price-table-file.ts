// Loads the price table: the user's <dataDir>/prices.yaml when it exists, else the one Cairn
// ships (resources/prices.yaml). A broken user file is an error naming the file, line and
// field; it is never skipped in favour of the shipped prices, which would quietly cost wrong.
import fs from 'node:fs';
import path from 'node:path';
import { isMap, parseDocument, type Document } from 'yaml';
import { PriceTableSchema, type PriceTable } from '../../../workflows/records/price-table.ts';
import { positionMapper } from '../../../workflows/specs/source-text.ts';
import { packageRoot } from '../package-root.ts';

export const PRICES_FILE = 'prices.yaml';

export class PriceTableError extends Error {
  override name = 'PriceTableError';
}

export interface LoadedPriceTable {
  table: PriceTable;
  file: string;
  source: 'user' | 'shipped';
}

export function shippedPricesFile(): string {
  return path.join(packageRoot(), 'resources', PRICES_FILE);
}

export function loadPriceTable(dataDir: string, shipped = shippedPricesFile()): LoadedPriceTable {
  const user = path.join(dataDir, PRICES_FILE);
  const source = fs.existsSync(user) ? 'user' : 'shipped';
  const file = source === 'user' ? user : shipped;
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new PriceTableError(`Cannot read the price table ${file}: ${(error as Error).message}`);
  }
  return { table: parsePriceTable(text, file), file, source };
}

/** Parses and validates a price table; every problem is a `file:line: field: message` line. */
export function parsePriceTable(text: string, file: string): PriceTable {
  const doc = parseDocument(text, { uniqueKeys: true, prettyErrors: false });
  const lineOf = (offset: number) => positionMapper(text)(offset).line;
  if (doc.errors.length > 0) {
    throw new PriceTableError(
      doc.errors
        .map((e) => `${file}:${lineOf(e.pos[0])}: not valid YAML: ${e.message.split('\n')[0]}`)
        .join('\n'),
    );
  }
  const parsed = PriceTableSchema.safeParse(doc.toJS());
  if (parsed.success) return parsed.data;
  throw new PriceTableError(
    parsed.error.issues
      .map((issue) => {
        const field = issue.path.length > 0 ? issue.path.join('.') : '(top level)';
        return `${file}:${lineOf(keyOffset(doc, issue.path))}: ${field}: ${issue.message}`;
      })
      .join('\n'),
  );
}

/** Where the key at `path` is written, or the nearest written ancestor (a missing field). */
function keyOffset(doc: Document, path: readonly PropertyKey[]): number {
  for (let n = path.length; n > 0; n--) {
    const parent = n === 1 ? doc.contents : doc.getIn(path.slice(0, n - 1) as unknown[], true);
    if (!isMap(parent)) continue;
    const pair = parent.items.find((p) => (p.key as { value?: unknown })?.value === path[n - 1]);
    const range = (pair?.key as { range?: number[] } | undefined)?.range;
    if (range) return range[0]!;
  }
  return (doc.contents as { range?: number[] } | null)?.range?.[0] ?? 0;
}
