import '../../styles/sync.css';
import '../../styles/controls.css';
import { useEffect, useId, useRef } from 'react';
import { useCairn } from '../../state/store.ts';
import { ConflictResolver } from './ConflictResolver.tsx';
import { IdentityForm } from './IdentityForm.tsx';

interface Props {
  /** Files on disk may have changed (the team's changes came in, a conflict was resolved). */
  onShared?(): void;
}

/** One button: commit every change and sync it, said in plain words; conflicts side by side. */
export function SyncButton({ onShared }: Props) {
  const state = useCairn((s) => s.syncState);
  const saveAndShare = useCairn((s) => s.saveAndShare);
  const conflictsOpen = useCairn((s) => s.syncConflicts !== null);
  const statusId = useId();
  const working = state.status === 'working';
  const wasWorking = useRef(false);

  useEffect(() => {
    if (wasWorking.current && !working) onShared?.();
    wasWorking.current = working;
  }, [working, onShared]);

  const tone =
    state.status === 'error'
      ? 'error'
      : state.status === 'offline' || state.status === 'conflicts'
        ? 'warn-note'
        : state.status === 'done'
          ? 'notice'
          : 'muted';
  return (
    <div className="sync-control">
      <button
        type="button"
        className="toolbar-button primary"
        disabled={working}
        aria-describedby={statusId}
        onClick={() => void saveAndShare()}
      >
        Save my changes and share them
      </button>
      {(working ? state.step : state.message) && (
        // Rendered only with something to say: the status bar's "Connected" stays the page's one
        // standing status.
        <p id={statusId} role="status" className={`sync-status ${tone}`}>
          {working ? state.step : state.message}
          {state.status === 'conflicts' && !conflictsOpen && (
            <>
              {' '}
              <button type="button" className="link-button" onClick={() => void saveAndShare()}>
                Choose now
              </button>
            </>
          )}
        </p>
      )}
      {state.status === 'identity' && <IdentityForm />}
      <ConflictResolver />
    </div>
  );
}
