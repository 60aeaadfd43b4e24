import { useCairn } from '../state/store.ts';

export function SettingsView() {
  const info = useCairn((s) => s.info);
  const error = useCairn((s) => s.infoError);
  return (
    <section className="view settings" aria-labelledby="settings-title">
      <h1 id="settings-title">Settings</h1>
      {error && (
        <p className="error" role="alert">
          {error.message}
        </p>
      )}
      {info && (
        <dl className="facts">
          <dt>Version</dt>
          <dd>{info.version}</dd>
          <dt>Running as</dt>
          <dd>{info.host === 'electron' ? 'Desktop app' : 'Browser host on 127.0.0.1'}</dd>
          <dt>Data folder</dt>
          <dd>
            <code>{info.dataDir}</code>
          </dd>
          <dt>Database</dt>
          <dd>
            <code>{info.databasePath}</code> (schema version {info.schemaVersion})
          </dd>
          <dt>Workspace</dt>
          <dd>
            <code>{info.workspace?.root ?? 'none'}</code>
          </dd>
          <dt>Recent workspaces</dt>
          <dd>
            <ul>
              {info.recentWorkspaces.map((w) => (
                <li key={w.root}>
                  <code>{w.root}</code>{' '}
                  <span className="muted">{new Date(w.openedAt).toLocaleString()}</span>
                </li>
              ))}
            </ul>
          </dd>
        </dl>
      )}
    </section>
  );
}
