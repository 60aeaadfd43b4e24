// Handlers of the settings.* channels (contract/settings.ts): the data folder and its sizes,
// exports of recorded model calls, and clearing them (record-cleanup.ts says what is kept).
import { RecordCleanup } from '../../services/records/record-cleanup.ts';
import { exportRecords, exportsDir } from '../../services/records/record-export.ts';
import { databaseBytes, folderBytes } from '../../services/store/data-location.ts';
import type { Core } from '../../services/core.ts';
import type { settingsChannels } from '../contract/settings.ts';
import type { Handlers } from '../dispatch.ts';

type SettingsHandlers = Pick<Handlers, keyof typeof settingsChannels>;

const DAY_MS = 24 * 60 * 60 * 1000;

export function createSettingsHandlers(core: Core): SettingsHandlers {
  const cleanup = () => new RecordCleanup(core.db);
  return {
    'settings.dataLocation': () => {
      const modelsDir = core.models.modelsDir;
      const runs = core.db.prepare('SELECT COUNT(*) AS n FROM runs').get() as { n: number };
      return {
        dataDir: core.dataDir,
        databasePath: core.databasePath,
        databaseBytes: databaseBytes(core.databasePath),
        modelsDir,
        modelsBytes: folderBytes(modelsDir),
        exportsDir: exportsDir(core.dataDir),
        exportsBytes: folderBytes(exportsDir(core.dataDir)),
        records: core.workflows.records.count(),
        runs: runs.n,
      };
    },
    'settings.exportRecords': ({ format, since, until }) =>
      exportRecords(core.workflows.records, core.dataDir, {
        format,
        since,
        until,
        serviceVersion: core.version,
      }),
    'settings.previewClear': ({ olderThanDays }) => {
      const now = Date.now();
      const before = new Date(olderThanDays === null ? now : now - olderThanDays * DAY_MS);
      return {
        before: before.toISOString(),
        ...cleanup().preview({ before: before.toISOString() }),
      };
    },
    'settings.clearRecords': ({ before }) => cleanup().clear({ before }),
  };
}
