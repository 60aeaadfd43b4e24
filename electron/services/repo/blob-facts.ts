// What drift reads from file contents, cached in SQLite by blob ID (content-addressed, so an
// entry is never stale): a spec's covers and requirements, or the requirement IDs code cites.
import type { Database } from 'better-sqlite3';
import { citedIds } from '../../../workflows/drift/requirement-ids.ts';
import { extractSpecFacts, type RequirementFact } from '../../../workflows/drift/spec-facts.ts';
import type { Repo } from './repository.ts';
import { looksBinary, readBlobBytes } from './trees.ts';

/** Larger files are not read for requirement IDs (generated code, data). */
export const MAX_FACT_BYTES = 2 * 1024 * 1024;

export type BlobFacts =
  | { kind: 'spec'; covers: string[]; requirements: RequirementFact[]; problem: string | null }
  | { kind: 'code'; cites: string[] }
  | { kind: 'skipped'; reason: string };

const decoder = new TextDecoder();

export function factsFromBytes(bytes: Uint8Array, spec: boolean): BlobFacts {
  if (bytes.length > MAX_FACT_BYTES) return { kind: 'skipped', reason: 'too large' };
  if (looksBinary(bytes)) return { kind: 'skipped', reason: 'binary' };
  const text = decoder.decode(bytes);
  if (spec) {
    const facts = extractSpecFacts(text);
    return {
      kind: 'spec',
      covers: facts.covers,
      requirements: facts.requirements,
      problem: facts.problem,
    };
  }
  return { kind: 'code', cites: citedIds(text) };
}

export class BlobFactsCache {
  private readonly select;
  private readonly insert;
  private readonly memo = new Map<string, BlobFacts>();

  constructor(private readonly db: Database) {
    this.select = db.prepare('SELECT kind, facts FROM blob_facts WHERE oid = ?');
    this.insert = db.prepare(
      'INSERT OR REPLACE INTO blob_facts (oid, kind, facts) VALUES (?, ?, ?)',
    );
  }

  /** Loads the cached facts of many blobs in one query (the rest are read on demand). */
  preload(oids: readonly string[]): void {
    const chunk = 500;
    for (let i = 0; i < oids.length; i += chunk) {
      const part = oids.slice(i, i + chunk);
      const rows = this.db
        .prepare(
          `SELECT oid, kind, facts FROM blob_facts WHERE oid IN (${part.map(() => '?').join(',')})`,
        )
        .all(...part) as { oid: string; kind: BlobFacts['kind']; facts: string }[];
      for (const row of rows)
        this.memo.set(row.oid, { kind: row.kind, ...JSON.parse(row.facts) } as BlobFacts);
    }
  }

  cached(oid: string): BlobFacts | null {
    const hit = this.memo.get(oid);
    if (hit) return hit;
    const row = this.select.get(oid) as { kind: BlobFacts['kind']; facts: string } | undefined;
    return row ? ({ kind: row.kind, ...JSON.parse(row.facts) } as BlobFacts) : null;
  }

  /** The facts of a blob read as a spec (Markdown) or as code. */
  async get(repo: Repo, oid: string, spec: boolean): Promise<BlobFacts> {
    const hit = this.cached(oid);
    // A blob is read as a spec or as code depending on its path; re-read when the use differs.
    if (hit && (hit.kind === 'skipped' || (hit.kind === 'spec') === spec)) return hit;
    const facts = factsFromBytes(await readBlobBytes(repo, oid), spec);
    const { kind, ...rest } = facts;
    this.insert.run(oid, kind, JSON.stringify(rest));
    this.memo.set(oid, facts);
    return facts;
  }
}
