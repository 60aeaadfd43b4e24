import { useEffect } from 'react';
import { offlineMessage, waitingForNetwork } from '../state/network-words.ts';
import { useCairn } from '../state/store.ts';
import '../styles/network.css';

const CONNECTION_LABEL = {
  connecting: 'Connecting to the Cairn core…',
  open: 'Connected',
  closed: 'Disconnected from the Cairn core — retrying',
} as const;

/** How often the status bar asks git how many commits wait (repo.status is cheap). */
const REPO_POLL_MS = 15_000;

export function StatusBar() {
  const connection = useCairn((s) => s.connection);
  const info = useCairn((s) => s.info);
  const online = useCairn((s) => s.online);
  const setOnline = useCairn((s) => s.setOnline);
  const loadRepoState = useCairn((s) => s.loadRepoState);
  const remoteReachable = useCairn((s) => s.remoteReachable);
  const offline = useCairn(offlineMessage);
  const waiting = useCairn(waitingForNetwork);

  useEffect(() => {
    const update = () => setOnline(navigator.onLine);
    window.addEventListener('online', update);
    window.addEventListener('offline', update);
    return () => {
      window.removeEventListener('online', update);
      window.removeEventListener('offline', update);
    };
  }, [setOnline]);

  useEffect(() => {
    if (connection !== 'open') return;
    void loadRepoState();
    const timer = window.setInterval(() => void loadRepoState(), REPO_POLL_MS);
    return () => window.clearInterval(timer);
  }, [connection, loadRepoState, online]);

  const network = !online
    ? offline
    : remoteReachable === false
      ? `Online, but the git remote did not answer at the last sync${waiting ? `; ${waiting}` : ''}`
      : null;
  return (
    <footer className="status-bar" role="status">
      <span className={`dot dot-${connection}`} aria-hidden="true" />
      <span>{CONNECTION_LABEL[connection]}</span>
      {network && (
        <span className={online ? 'network-note' : 'network-note offline'}>
          <span className="network-icon" aria-hidden="true">
            {online ? '⚠' : '✈'}
          </span>{' '}
          {network}
        </span>
      )}
      {info && (
        <span className="status-right">
          Cairn {info.version} · {info.host === 'electron' ? 'desktop' : 'browser host'} · runs on
          this machine
        </span>
      )}
    </footer>
  );
}
