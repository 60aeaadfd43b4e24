import { useMemo } from 'react';
import { findingsOf, selectSelectedFile } from '../state/selectors.ts';
import { FindingList } from './FindingList.tsx';
import { useCairn } from '../state/store.ts';

export function FileViewer() {
  const file = useCairn(selectSelectedFile);
  const text = useCairn((s) => s.fileText);
  const error = useCairn((s) => s.fileError);
  const lint = useCairn((s) => s.lint);
  const findings = useMemo(() => findingsOf(lint, file?.path ?? null), [lint, file?.path]);
  if (!file) {
    return <p className="muted placeholder">Choose a spec on the left to read it.</p>;
  }
  return (
    <article className="file-viewer" aria-label={file.title}>
      <header>
        <h2>{file.title}</h2>
        <p className="muted">
          {file.path} · {file.bytes.toLocaleString()} bytes · changed{' '}
          {new Date(file.modifiedAt).toLocaleString()}
        </p>
        {file.problem && <p className="error">{file.problem}</p>}
      </header>
      <FindingList findings={findings} />
      {error ? (
        <p className="error" role="alert">
          {error.message}
        </p>
      ) : text === null ? (
        <p className="muted">Opening…</p>
      ) : (
        <pre className="source">{text}</pre>
      )}
    </article>
  );
}
