// Above the editor: which file, whether it has unsaved edits, Save, and what to do when the
// file changed on disk (a save refused as a conflict, or a change while editing).
import { isDirty } from '../../state/editor-slice.ts';
import { useCairn } from '../../state/store.ts';

export function EditorBar() {
  const document = useCairn((s) => s.document);
  const dirty = useCairn((s) => isDirty(s.document));
  const save = useCairn((s) => s.save);
  const changedOnDisk = useCairn((s) => s.changedOnDisk);
  const saveDocument = useCairn((s) => s.saveDocument);
  const reloadDocument = useCairn((s) => s.reloadDocument);
  if (!document) return null;
  return (
    <>
      <div className="editor-bar">
        <h2 className="editor-path" title={document.path}>
          {document.path}
        </h2>
        {document.readOnly ? (
          <span className="badge badge-status">read-only</span>
        ) : (
          <span className={dirty ? 'dirty' : 'clean'} aria-live="polite">
            {dirty ? '● Unsaved changes' : save.state === 'saved' ? 'Saved' : 'No unsaved changes'}
          </span>
        )}
        {!document.readOnly && (
          <button
            type="button"
            className="primary"
            disabled={!dirty || save.state === 'saving'}
            onClick={() => void saveDocument()}
            aria-keyshortcuts="Control+S"
          >
            {save.state === 'saving' ? 'Saving…' : 'Save'}
            <span className="key-hint" aria-hidden="true">
              Ctrl+S
            </span>
          </button>
        )}
      </div>
      {save.state === 'conflict' && (
        <div className="editor-notice conflict" role="alert">
          <p>{save.message}</p>
          <button type="button" onClick={() => void reloadDocument()}>
            Reload from disk
          </button>
          <button
            type="button"
            className="danger"
            onClick={() => void saveDocument({ overwrite: true })}
          >
            Overwrite with my version
          </button>
        </div>
      )}
      {save.state === 'error' && (
        <div className="editor-notice conflict" role="alert">
          <p>Not saved: {save.message}</p>
        </div>
      )}
      {changedOnDisk && save.state !== 'conflict' && (
        <div className="editor-notice" role="alert">
          <p>
            {document.path} changed on disk while you were editing it. Saving will ask before it
            overwrites that change.
          </p>
          <button type="button" onClick={() => void reloadDocument()}>
            Reload (drop my edits)
          </button>
        </div>
      )}
    </>
  );
}
