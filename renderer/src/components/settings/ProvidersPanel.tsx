import { useState } from 'react';
import type { ProviderView } from '../../../../electron/ipc/contract/providers.ts';
import { useCairn } from '../../state/store.ts';
import { ConfirmDialog } from '../ConfirmDialog.tsx';
import { AddProviderForm } from './AddProviderForm.tsx';
import { ProviderKeyForm } from './ProviderKeyForm.tsx';

/** Hosted and cloud providers, whether each has a key, and where keys are kept. */
export function ProvidersPanel() {
  const providers = useCairn((s) => s.providers);
  const file = useCairn((s) => s.providersFile);
  const keyStore = useCairn((s) => s.keyStore);
  const error = useCairn((s) => s.providersError);
  const notice = useCairn((s) => s.providersNotice);
  const removeProvider = useCairn((s) => s.removeProvider);
  const setProviderKey = useCairn((s) => s.setProviderKey);
  const [keyFor, setKeyFor] = useState<string | null>(null);
  const [removing, setRemoving] = useState<ProviderView | null>(null);
  const editing = providers?.find((p) => p.id === keyFor) ?? null;

  return (
    <section className="panel" aria-labelledby="providers-title">
      <h2 id="providers-title">Providers and keys</h2>
      <p className="muted">
        Where a flagged pass may go when it leaves this machine, always after your consent. Kept in{' '}
        <code>{file ?? 'providers.yaml'}</code>, which is yours and not part of any workspace.
      </p>
      {keyStore && (
        <p className="key-store">
          <strong>{keyStore.kind === 'keychain' ? 'System keychain.' : 'Key file.'}</strong>{' '}
          {keyStore.warning ? (
            <span className="warn-note">{keyStore.warning}</span>
          ) : (
            keyStore.description
          )}{' '}
          Cairn never shows a stored key again.
        </p>
      )}
      {error && (
        <div className="error" role="alert">
          <p>{error.message}</p>
        </div>
      )}
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      {providers === null ? (
        <p className="muted">Loading…</p>
      ) : providers.length === 0 ? (
        <p className="muted">
          No provider yet. Passes run on this machine only until you add one below.
        </p>
      ) : (
        <table className="data-table providers-table">
          <thead>
            <tr>
              <th scope="col">Id</th>
              <th scope="col">Kind</th>
              <th scope="col">Tier</th>
              <th scope="col">Base URL</th>
              <th scope="col">Models</th>
              <th scope="col">API key</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {providers.map((p) => (
              <tr key={p.id}>
                <td>
                  <strong>{p.id}</strong>
                </td>
                <td>{p.kind}</td>
                <td>{p.tier}</td>
                <td>
                  <code className="url">{p.baseUrl}</code>
                </td>
                <td>{p.models.join(', ')}</td>
                <td className={p.keyStored ? 'key-yes' : 'key-no'}>
                  {p.keyStored ? 'stored' : 'not stored'}
                </td>
                <td className="actions">
                  <button
                    type="button"
                    onClick={() => setKeyFor(p.id)}
                    aria-label={`${p.keyStored ? 'Replace key' : 'Set key'} of ${p.id}`}
                  >
                    {p.keyStored ? 'Replace key' : 'Set key'}
                  </button>
                  {p.keyStored && (
                    <button
                      type="button"
                      onClick={() => void setProviderKey(p.id, null)}
                      aria-label={`Delete key of ${p.id}`}
                    >
                      Delete key
                    </button>
                  )}
                  <button
                    type="button"
                    className="danger"
                    onClick={() => setRemoving(p)}
                    aria-label={`Remove ${p.id}`}
                  >
                    Remove
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {editing && <ProviderKeyForm provider={editing} onDone={() => setKeyFor(null)} />}
      <AddProviderForm />
      {removing && (
        <ConfirmDialog
          title={`Remove ${removing.id}?`}
          confirmLabel="Remove"
          onCancel={() => setRemoving(null)}
          onConfirm={() => {
            const id = removing.id;
            setRemoving(null);
            void removeProvider(id);
          }}
        >
          <p>
            {removing.id} ({removing.tier}, <code>{removing.baseUrl}</code>) is removed from{' '}
            <code>{file}</code>
            {removing.keyStored ? ', and its stored API key is deleted.' : '.'}
          </p>
          <p className="muted">
            Workspaces that route passes to it stop escalating them until you add it again.
          </p>
        </ConfirmDialog>
      )}
    </section>
  );
}
