import { useId, useState } from 'react';
import { useCairn } from '../state/store.ts';

/** Registers a .gguf file where it is, by its absolute path. */
export function ImportModelForm() {
  const importModel = useCairn((s) => s.importModel);
  const importing = useCairn((s) => s.importing);
  const [path, setPath] = useState('');
  const inputId = useId();
  const helpId = useId();
  return (
    <section className="panel" aria-labelledby="import-title">
      <h2 id="import-title">Import a model file</h2>
      <form
        className="import-form"
        onSubmit={(e) => {
          e.preventDefault();
          void importModel(path).then((ok) => ok && setPath(''));
        }}
      >
        <label htmlFor={inputId}>Path to a .gguf file on this machine</label>
        <div className="import-row">
          <input
            id={inputId}
            type="text"
            value={path}
            onChange={(e) => setPath(e.target.value)}
            placeholder="/home/you/models/model-q4_k_m.gguf"
            aria-describedby={helpId}
            spellCheck={false}
            autoComplete="off"
            required
          />
          <button type="submit" disabled={importing || path.trim() === ''}>
            {importing ? 'Importing…' : 'Import'}
          </button>
        </div>
        <p id={helpId} className="muted small">
          Type or paste the absolute path. A browser never tells a page where a chosen file lives,
          so there is no file picker here. Cairn checks that the file is a GGUF model, computes its
          SHA-256 once and uses the file where it is, without copying it.
        </p>
      </form>
    </section>
  );
}
