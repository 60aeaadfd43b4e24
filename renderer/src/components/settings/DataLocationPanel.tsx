import { plural } from '../../state/settings-slice.ts';
import { useCairn } from '../../state/store.ts';
import { formatBytes } from '../units.ts';
import { CopyButton } from './CopyButton.tsx';

/** Where Cairn keeps its data on this machine, and how much room each part takes. */
export function DataLocationPanel() {
  const where = useCairn((s) => s.dataLocation);
  const error = useCairn((s) => s.dataError);
  const host = useCairn((s) => s.info?.host);
  const row = (label: string, path: string, size: string, what: string) => (
    <>
      <dt>{label}</dt>
      <dd>
        <code className="path-text">{path}</code> <span className="muted">{size}</span>{' '}
        <CopyButton text={path} what={what} />
      </dd>
    </>
  );
  return (
    <section className="panel" aria-labelledby="data-location-title">
      <h2 id="data-location-title">Data location</h2>
      <p className="muted">
        {host === 'web'
          ? 'A page in a browser cannot open folders on your computer: copy a path and open it in your file manager or a terminal.'
          : 'Copy a path to open it in your file manager or a terminal.'}{' '}
        Nothing here is in a workspace or synced through git.
      </p>
      {error && (
        <p className="error" role="alert">
          {error.message}
        </p>
      )}
      {where === null ? (
        !error && <p className="muted">Loading…</p>
      ) : (
        <dl className="location-facts">
          {row('Data folder', where.dataDir, '', 'the data folder path')}
          {row(
            'Database',
            where.databasePath,
            formatBytes(where.databaseBytes),
            'the database path',
          )}
          {row(
            'Models folder',
            where.modelsDir,
            formatBytes(where.modelsBytes),
            'the models folder path',
          )}
          {row(
            'Exports folder',
            where.exportsDir,
            formatBytes(where.exportsBytes),
            'the exports folder path',
          )}
          <dt>Records</dt>
          <dd>
            {plural(where.records, 'recorded model call')} in {plural(where.runs, 'workflow run')}
          </dd>
        </dl>
      )}
    </section>
  );
}
