// Contract channels of the Settings view's data part: where Cairn keeps its data and how much
// room it takes, exporting recorded model calls (JSON Lines of envelopes, or OTLP JSON), and
// clearing them with the finished runs they belong to (electron/services/records/record-cleanup.ts).
import { z } from 'zod';
import { call } from './channel-kinds.ts';

const IsoTime = z.iso.datetime({ offset: true, message: 'must be an ISO 8601 time' });

export const DataLocationSchema = z.strictObject({
  dataDir: z.string(),
  databasePath: z.string(),
  databaseBytes: z.number().nonnegative(),
  modelsDir: z.string(),
  modelsBytes: z.number().nonnegative(),
  exportsDir: z.string(),
  exportsBytes: z.number().nonnegative(),
  /** Recorded model calls and workflow runs in the database. */
  records: z.number().int().nonnegative(),
  runs: z.number().int().nonnegative(),
});
export type DataLocation = z.infer<typeof DataLocationSchema>;

export const ClearCountsSchema = z.strictObject({
  records: z.number().int().nonnegative(),
  runs: z.number().int().nonnegative(),
  /** Runs in scope that stay: still going, or with changes waiting for a decision. */
  keptRuns: z.number().int().nonnegative(),
});

export const settingsChannels = {
  'settings.dataLocation': call(z.strictObject({}), DataLocationSchema),
  /** Writes the calls recorded in [since, until) into the exports folder; both unset: all. */
  'settings.exportRecords': call(
    z
      .strictObject({
        format: z.enum(['jsonl', 'otlp']),
        since: IsoTime.optional(),
        until: IsoTime.optional(),
      })
      .refine((r) => !r.since || !r.until || Date.parse(r.since) < Date.parse(r.until), {
        path: ['until'],
        message: 'the end of the range must come after its start',
      }),
    z.strictObject({
      file: z.string(),
      format: z.enum(['jsonl', 'otlp']),
      records: z.number().int().nonnegative(),
      bytes: z.number().int().nonnegative(),
    }),
  ),
  /**
   * What clearing would delete: records older than `olderThanDays`, or all (null). `before` is
   * the cut-off to hand to settings.clearRecords, so it deletes exactly what was counted.
   */
  'settings.previewClear': call(
    z.strictObject({ olderThanDays: z.number().int().min(1).max(36_500).nullable() }),
    ClearCountsSchema.extend({ before: z.string() }),
  ),
  'settings.clearRecords': call(z.strictObject({ before: IsoTime }), ClearCountsSchema),
} as const;
