// The Costs view's sums on a real app database: known calls written through the record, run and
// work item stores, summed by the user's local day, by workflow and by work item.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from 'better-sqlite3';
import { costSummary } from '../../../electron/services/records/cost-summary.ts';
import { RecordStore } from '../../../electron/services/records/record-store.ts';
import { openDatabase } from '../../../electron/services/store/database.ts';
import { sampleEnvelope } from '../../support/envelopes.ts';
import { COST_FIXTURE_TOTALS, seedCosts, type CostFixture } from '../../support/cost-fixtures.ts';
import { tempDir } from '../../support/temp-dir.ts';

const NOW = new Date('2026-11-20T15:00:00.000Z');
let db: Database;
let fixture: CostFixture;

beforeAll(() => {
  db = openDatabase(tempDir('cairn-costs-'));
  fixture = seedCosts(db, '/work/lantern', NOW);
});

describe('costSummary', () => {
  it('sums tokens by class, time and money over the period, leaving older calls out', () => {
    const summary = costSummary(db, { days: 30, utcOffsetMinutes: 0, now: NOW });
    expect(summary).toMatchObject({ from: '2026-10-22', to: '2026-11-20' });
    expect(summary.total).toMatchObject({
      calls: COST_FIXTURE_TOTALS.calls,
      tokens: {
        input: COST_FIXTURE_TOTALS.input,
        cachedInput: COST_FIXTURE_TOTALS.cachedInput,
        output: COST_FIXTURE_TOTALS.output,
      },
      totalMs: COST_FIXTURE_TOTALS.totalMs,
      loadMs: COST_FIXTURE_TOTALS.loadMs,
      money: [{ currency: 'USD', amount: COST_FIXTURE_TOTALS.money }],
    });
    // 45 days back, the old call counts once the period reaches it.
    expect(costSummary(db, { days: 90, utcOffsetMinutes: 0, now: NOW }).total).toMatchObject({
      calls: 6,
      money: [{ currency: 'USD', amount: 7.625 }],
    });
  });

  it('has every day of the period, zero where nothing ran', () => {
    const { days } = costSummary(db, { days: 30, utcOffsetMinutes: 0, now: NOW });
    expect(days).toHaveLength(30);
    expect(days[0]!.key).toBe('2026-10-22');
    const byDay = Object.fromEntries(days.filter((d) => d.calls > 0).map((d) => [d.key, d]));
    expect(Object.keys(byDay)).toEqual(['2026-11-10', '2026-11-17', '2026-11-19', '2026-11-20']);
    expect(byDay['2026-11-20']).toMatchObject({
      calls: 2,
      tokens: { input: 3000, cachedInput: 1700, output: 800 },
      totalMs: 10000,
      loadMs: 500,
      money: [{ currency: 'USD', amount: 0 }],
    });
    expect(byDay['2026-11-19']!.money).toEqual([{ currency: 'USD', amount: 0.125 }]);
    expect(days.find((d) => d.key === '2026-11-18')).toMatchObject({ calls: 0, money: [] });
  });

  it('counts a call on the local day it happened', () => {
    // 10:00 UTC is the next day in UTC+14 (Kiribati) and the same day in UTC-9.
    const east = costSummary(db, { days: 7, utcOffsetMinutes: 14 * 60, now: NOW });
    expect(east.to).toBe('2026-11-21');
    expect(east.days.filter((d) => d.calls > 0).map((d) => d.key)).toEqual([
      '2026-11-18',
      '2026-11-20',
      '2026-11-21',
    ]);
    const west = costSummary(db, { days: 7, utcOffsetMinutes: -9 * 60, now: NOW });
    expect(west.days.filter((d) => d.calls > 0).map((d) => d.key)).toEqual([
      '2026-11-17',
      '2026-11-19',
      '2026-11-20',
    ]);
  });

  it('sums by workflow (through the run) and by work item, with their titles', () => {
    const summary = costSummary(db, { days: 30, utcOffsetMinutes: 0, now: NOW });
    expect(
      summary.workflows.map((w) => [w.key, w.title, w.calls, w.tokens.input, w.money]),
    ).toEqual([
      ['bugfix', 'Bug fix', 1, 500, [{ currency: 'USD', amount: 0.5 }]],
      ['new-feature', 'New feature', 3, 6000, [{ currency: 'USD', amount: 0.125 }]],
      [null, null, 1, 100, [{ currency: 'USD', amount: 0 }]],
    ]);
    const items = Object.fromEntries(summary.workItems.map((w) => [w.key ?? 'none', w]));
    expect(items[fixture.feature.id]).toMatchObject({
      title: 'Offline review comments',
      calls: COST_FIXTURE_TOTALS.feature.calls,
      tokens: {
        input: COST_FIXTURE_TOTALS.feature.input,
        output: COST_FIXTURE_TOTALS.feature.output,
      },
    });
    expect(items[fixture.bug.id]).toMatchObject({ title: 'Outbox loses notes', calls: 1 });
    expect(items.none).toMatchObject({ title: null, calls: 1 });
  });

  it('keeps money in different currencies apart', () => {
    const other = openDatabase(tempDir('cairn-costs-eur-'));
    const records = new RecordStore(other);
    const at = '2026-11-20T09:00:00.000Z';
    records.save(
      sampleEnvelope(
        { id: 'CALL-EUR', createdAt: at },
        { cost: { currency: 'EUR', amount: 2, priceTable: 't' } },
      ),
    );
    records.save(
      sampleEnvelope(
        { id: 'CALL-USD', createdAt: at },
        { cost: { currency: 'USD', amount: 0.5, priceTable: 't' } },
      ),
    );
    const summary = costSummary(other, { days: 1, utcOffsetMinutes: 0, now: NOW });
    expect(summary.total.calls).toBe(2);
    expect(summary.total.money).toEqual([
      { currency: 'EUR', amount: 2 },
      { currency: 'USD', amount: 0.5 },
    ]);
    expect(summary.days[0]!.money).toEqual(summary.total.money);
    other.close();
  });

  it('refuses a period of no days', () => {
    expect(() => costSummary(db, { days: 0, utcOffsetMinutes: 0, now: NOW })).toThrow(
      /days must be 1 or more/,
    );
  });
});
