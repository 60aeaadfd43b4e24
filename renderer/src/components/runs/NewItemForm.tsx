import { useState, type FormEvent } from 'react';
import type { WorkItemView } from '../../../../electron/ipc/contract/runs.ts';
import { useCairn } from '../../state/store.ts';
import { KIND_LABELS } from './run-words.ts';

/** A new work item: its kind, title and the folder of its specs. */
export function NewItemForm({ onDone }: { onDone(): void }) {
  const createItem = useCairn((s) => s.createItem);
  const busy = useCairn((s) => s.runsBusy);
  const [kind, setKind] = useState<WorkItemView['kind']>('feature');
  const [title, setTitle] = useState('');
  const [folder, setFolder] = useState('');
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (await createItem(kind, title, folder.trim() || null)) onDone();
  };
  return (
    <form className="new-item" onSubmit={(e) => void submit(e)} aria-label="New work item">
      <div className="field">
        <label htmlFor="item-kind">Kind</label>
        <select
          id="item-kind"
          value={kind}
          onChange={(e) => setKind(e.target.value as WorkItemView['kind'])}
        >
          {Object.entries(KIND_LABELS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="item-title">Title</label>
        <input
          id="item-title"
          type="text"
          value={title}
          required
          maxLength={200}
          onChange={(e) => setTitle(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor="item-folder">Spec folder (optional)</label>
        <input
          id="item-folder"
          type="text"
          value={folder}
          placeholder="specs/<item id>"
          onChange={(e) => setFolder(e.target.value)}
        />
      </div>
      <div className="button-row">
        <button type="submit" className="primary" disabled={busy === 'create-item'}>
          Create item
        </button>
        <button type="button" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
