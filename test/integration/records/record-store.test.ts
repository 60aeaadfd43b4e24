// The record store on a real app database (migrated, WAL): what replay, re-run, export and the
// cost totals see after the engine saved its envelopes.
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  AmbiguousRecordError,
  RecordNotFoundError,
  RecordStore,
} from '../../../electron/services/records/record-store.ts';
import { DATABASE_FILE, openDatabase } from '../../../electron/services/store/database.ts';
import { sampleEnvelope } from '../../support/envelopes.ts';
import { tempDir } from '../../support/temp-dir.ts';

const dataDir = tempDir('cairn-records-');
let store: RecordStore;

const cloudCost = (amount: number) => ({ currency: 'USD', amount, priceTable: '2026-11-22' });
const at = (minute: number) => `2026-11-20T10:${String(minute).padStart(2, '0')}:00.000Z`;

beforeAll(() => {
  store = new RecordStore(openDatabase(dataDir));
  const saves = [
    sampleEnvelope({ id: 'a1b2c3d4-0001', createdAt: at(1), passId: 'specify' }),
    sampleEnvelope(
      { id: 'a1b2c3d4-0002', createdAt: at(2), passId: 'clarify' },
      { cost: cloudCost(0.25) },
    ),
    sampleEnvelope(
      { id: 'a1b2ffff-0003', createdAt: at(3), passId: 'clarify' },
      { error: 'questions: expected array', cost: cloudCost(0.5) },
    ),
    sampleEnvelope({ id: 'b7000000-0004', createdAt: at(4), runId: 'run-2', workItemId: 'bug-9' }),
    sampleEnvelope(
      { id: 'b7000000-0005', createdAt: at(5), runId: null, workItemId: null },
      { kind: 'cache-hit', cachedFrom: 'a1b2c3d4-0002' },
    ),
  ];
  for (const e of saves) store.save(e);
});

describe('RecordStore', () => {
  it('gives back exactly what was saved, by id or by a unique prefix', () => {
    const saved = sampleEnvelope({ id: 'a1b2c3d4-0001', createdAt: at(1), passId: 'specify' });
    expect(store.get('a1b2c3d4-0001')).toEqual(saved);
    expect(store.get('a1b2c3d4-0001').messages).toEqual(saved.messages);
    expect(store.get('a1b2f').id).toBe('a1b2ffff-0003');
  });

  it('says when an id is unknown or a prefix matches several calls', () => {
    expect(() => store.get('ffff0000')).toThrow(RecordNotFoundError);
    expect(() => store.get('a1b')).toThrow(/needs at least 4 characters/);
    const error = (() => {
      try {
        store.get('a1b2c3');
      } catch (e) {
        return e as AmbiguousRecordError;
      }
    })();
    expect(error).toBeInstanceOf(AmbiguousRecordError);
    expect(error!.candidates).toEqual(['a1b2c3d4-0001', 'a1b2c3d4-0002']);
    expect(error!.message).toMatch(/'a1b2c3' is the start of 2 recorded calls/);
  });

  it('finds the newest usable generation for a cache key, never a failed call or a cache hit', () => {
    const key = sampleEnvelope({ id: 'x' }).cacheKey;
    expect(store.findByCacheKey(key)?.id).toBe('b7000000-0004');
    expect(store.findByCacheKey('0'.repeat(64))).toBeNull();
  });

  it('lists newest first, by run, work item and time, with a limit', () => {
    const ids = (list: { id: string }[]) => list.map((e) => e.id.slice(-4));
    expect(ids(store.list())).toEqual(['0005', '0004', '0003', '0002', '0001']);
    expect(ids(store.list({ runId: 'run-1' }))).toEqual(['0003', '0002', '0001']);
    expect(ids(store.list({ workItemId: 'bug-9' }))).toEqual(['0004']);
    expect(ids(store.list({ since: '2026-11-20T11:03:00+01:00', limit: 2 }))).toEqual([
      '0005',
      '0004',
    ]);
    expect(ids(store.list({ order: 'oldest', limit: 1 }))).toEqual(['0001']);
    expect(store.count()).toBe(5);
    expect(store.count({ runId: 'run-1', passId: 'clarify' })).toBe(2);
  });

  it('sums tokens by class, time and money per pass, run and work item', () => {
    const byPass = store.totals('pass', { runId: 'run-1' });
    expect(byPass.map((t) => [t.key, t.calls, t.money.amount])).toEqual([
      ['clarify', 2, 0.75],
      ['specify', 1, 0],
    ]);
    expect(byPass[0]).toMatchObject({
      tokens: { input: 824, cachedInput: 256, cacheWrite: 0, output: 114, reasoning: 0 },
      totalMs: 2624.5,
      loadMs: 460,
      money: { currency: 'USD' },
    });
    expect(store.totals('run').map((t) => [t.key, t.calls])).toEqual([
      [null, 1],
      ['run-1', 3],
      ['run-2', 1],
    ]);
    expect(store.totals('workItem', { since: at(4) }).map((t) => [t.key, t.calls])).toEqual([
      [null, 1],
      ['bug-9', 1],
    ]);
  });

  it('refuses an invalid envelope or a reused id, and writes nothing', () => {
    const bad = { ...sampleEnvelope({ id: 'c0000000-0006' }), tokens: { input: -1 } };
    expect(() => store.save(bad as never)).toThrow();
    expect(() => store.save(sampleEnvelope({ id: 'a1b2c3d4-0001' }))).toThrow(/already recorded/);
    expect(store.count()).toBe(5);
  });

  it('has committed every save: another connection sees it at once', () => {
    const other = new BetterSqlite3(path.join(dataDir, DATABASE_FILE), { readonly: true });
    try {
      expect(other.prepare('SELECT COUNT(*) AS n FROM model_calls').get()).toEqual({ n: 5 });
    } finally {
      other.close();
    }
  });

  it('reports a damaged row by its id instead of returning bad data', () => {
    const db = openDatabase(dataDir);
    try {
      db.prepare(
        `UPDATE model_calls SET envelope = json_set(envelope, '$.kind', 'guess') WHERE id = ?`,
      ).run('b7000000-0004');
      expect(() => new RecordStore(db).get('b7000000-0004')).toThrow(
        /call b7000000-0004 in the database is not a valid envelope \(kind:/,
      );
    } finally {
      db.close();
    }
  });
});
