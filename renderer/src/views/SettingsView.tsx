import { useEffect } from 'react';
import { DataLocationPanel } from '../components/settings/DataLocationPanel.tsx';
import { ProvidersPanel } from '../components/settings/ProvidersPanel.tsx';
import { RecordsPanel } from '../components/settings/RecordsPanel.tsx';
import { RoutingPolicyForm } from '../components/settings/RoutingPolicyForm.tsx';
import { useCairn } from '../state/store.ts';
import '../styles/view-buttons.css';
import '../styles/settings.css';

export function SettingsView() {
  const info = useCairn((s) => s.info);
  const error = useCairn((s) => s.infoError);
  const loadProviders = useCairn((s) => s.loadProviders);
  const loadDataLocation = useCairn((s) => s.loadDataLocation);

  useEffect(() => {
    void loadProviders();
    void loadDataLocation();
  }, [loadProviders, loadDataLocation]);

  return (
    <section className="view settings" aria-labelledby="settings-title">
      <h1 id="settings-title">Settings</h1>
      {error && (
        <p className="error" role="alert">
          {error.message}
        </p>
      )}
      {info && (
        <section className="panel" aria-labelledby="about-title">
          <h2 id="about-title">This Cairn</h2>
          <dl className="facts">
            <dt>Version</dt>
            <dd>{info.version}</dd>
            <dt>Running as</dt>
            <dd>{info.host === 'electron' ? 'Desktop app' : 'Browser host on 127.0.0.1'}</dd>
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
        </section>
      )}
      <ProvidersPanel />
      {info?.workspace ? (
        <RoutingPolicyForm title="Routing defaults" />
      ) : (
        <section className="panel" aria-labelledby="routing-none-title">
          <h2 id="routing-none-title">Routing defaults</h2>
          <p className="muted">
            The routing policy belongs to a workspace: open one to see and edit it.
          </p>
        </section>
      )}
      <DataLocationPanel />
      <RecordsPanel />
    </section>
  );
}
