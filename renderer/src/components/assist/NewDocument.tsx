import '../../styles/assist.css';
import '../../styles/controls.css';
import { useId, useRef, useState } from 'react';
import { slugify } from '../../../../workflows/passes/support/work-item.ts';
import { api } from '../../state/api.ts';
import { useModal } from '../use-modal.ts';

const TYPES = [
  { value: 'prd', label: 'PRD (product requirements)' },
  { value: 'requirements', label: 'Requirements' },
  { value: 'design', label: 'Design' },
  { value: 'tasks', label: 'Tasks' },
] as const;
type DocumentType = (typeof TYPES)[number]['value'];

interface DialogProps {
  onCreated(path: string): void;
  onClose(): void;
}

/** A new document from a template: its type, title and folder; an existing file is never replaced. */
export function NewDocumentDialog({ onCreated, onClose }: DialogProps) {
  const [type, setType] = useState<DocumentType>('prd');
  const [title, setTitle] = useState('');
  const [folder, setFolder] = useState('specs/');
  const [folderEdited, setFolderEdited] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const titleRef = useRef<HTMLInputElement>(null);
  const ids = { heading: useId(), type: useId(), title: useId(), folder: useId(), hint: useId() };
  const shownFolder = folderEdited ? folder : `specs/${slugify(title)}`;
  const target = `${shownFolder.replace(/\/+$/, '')}/${type}.md`;

  useModal(titleRef, onClose);

  const create = async () => {
    setBusy(true);
    setError(null);
    const result = await api().invoke('specs.createFromTemplate', {
      type,
      title,
      folder: shownFolder,
    });
    setBusy(false);
    if (!result.ok) {
      setError(result.error.issues?.join('; ') ?? result.error.message);
      return;
    }
    onCreated(result.value.path);
  };

  return (
    <div className="dialog-backdrop">
      <form
        className="dialog new-document"
        role="dialog"
        aria-modal="true"
        aria-labelledby={ids.heading}
        onSubmit={(e) => {
          e.preventDefault();
          void create();
        }}
      >
        <h2 id={ids.heading}>New document</h2>
        <label htmlFor={ids.type}>Type</label>
        <select
          id={ids.type}
          value={type}
          onChange={(e) => setType(e.target.value as DocumentType)}
        >
          {TYPES.map((t) => (
            <option key={t.value} value={t.value}>
              {t.label}
            </option>
          ))}
        </select>
        <label htmlFor={ids.title}>Title</label>
        <input
          id={ids.title}
          ref={titleRef}
          type="text"
          value={title}
          maxLength={200}
          required
          onChange={(e) => setTitle(e.target.value)}
        />
        <label htmlFor={ids.folder}>Folder</label>
        <input
          id={ids.folder}
          type="text"
          value={shownFolder}
          aria-describedby={ids.hint}
          required
          onChange={(e) => {
            setFolderEdited(true);
            setFolder(e.target.value);
          }}
        />
        <p id={ids.hint} className="muted small">
          Creates <code>{target}</code> from the team&apos;s {type} template.
        </p>
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={busy || title.trim() === ''}>
            Create
          </button>
        </div>
      </form>
    </div>
  );
}

/** The toolbar button that opens the dialog. */
export function NewDocumentButton({ onCreated }: { onCreated(path: string): void }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="toolbar-button" onClick={() => setOpen(true)}>
        New document
      </button>
      {open && (
        <NewDocumentDialog
          onClose={() => setOpen(false)}
          onCreated={(path) => {
            setOpen(false);
            onCreated(path);
          }}
        />
      )}
    </>
  );
}
