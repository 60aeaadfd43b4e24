import { useCairn } from '../state/store.ts';

const CONNECTION_LABEL = {
  connecting: 'Connecting to the Cairn core…',
  open: 'Connected',
  closed: 'Disconnected from the Cairn core — retrying',
} as const;

export function StatusBar() {
  const connection = useCairn((s) => s.connection);
  const info = useCairn((s) => s.info);
  return (
    <footer className="status-bar" role="status">
      <span className={`dot dot-${connection}`} aria-hidden="true" />
      <span>{CONNECTION_LABEL[connection]}</span>
      {info && (
        <span className="status-right">
          Cairn {info.version} · {info.host === 'electron' ? 'desktop' : 'browser host'} · runs on
          this machine
        </span>
      )}
    </footer>
  );
}
