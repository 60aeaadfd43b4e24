import { useMemo } from 'react';
import { filesByFolder, findingsByPath } from '../state/selectors.ts';
import { useCairn } from '../state/store.ts';

export function SpecList() {
  const files = useCairn((s) => s.files);
  const scan = useCairn((s) => s.scan);
  const error = useCairn((s) => s.filesError);
  const selectedPath = useCairn((s) => s.selectedPath);
  const selectFile = useCairn((s) => s.selectFile);
  const groups = useMemo(() => filesByFolder(files), [files]);
  const lint = useCairn((s) => s.lint);
  const problems = useMemo(() => findingsByPath(lint?.findings ?? []), [lint]);

  if (error)
    return (
      <p className="error" role="alert">
        {error.message}
      </p>
    );
  if (scan.state === 'scanning' && files.length === 0) {
    return (
      <p className="muted" aria-live="polite">
        Reading the workspace… {scan.scanned} entries, {scan.found} specs
      </p>
    );
  }
  if (scan.state === 'done' && files.length === 0) {
    return <p className="muted">No Markdown specs in this folder yet.</p>;
  }
  return (
    <div className="spec-list" aria-label="Spec files">
      {groups.map((group) => (
        <section key={group.folder} aria-label={group.folder || 'workspace root'}>
          <h3 className="folder">{group.folder || '/'}</h3>
          <ul>
            {group.files.map((file) => (
              <li key={file.path}>
                <button
                  type="button"
                  className={file.path === selectedPath ? 'spec-item selected' : 'spec-item'}
                  data-path={file.path}
                  onClick={() => void selectFile(file.path)}
                >
                  <span className="spec-title">{file.title}</span>
                  <span className="spec-meta">
                    {file.type && <span className={`badge badge-${file.type}`}>{file.type}</span>}
                    {file.status && <span className="badge badge-status">{file.status}</span>}
                    <ProblemBadge
                      count={
                        problems.get(file.path)?.filter((f) => f.severity !== 'info').length ?? 0
                      }
                    />
                    {file.problem && (
                      <span className="badge badge-problem" title={file.problem}>
                        frontmatter error
                      </span>
                    )}
                  </span>
                  <span className="spec-path">{file.path}</span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}

function ProblemBadge({ count }: { count: number }) {
  if (count === 0) return null;
  return (
    <span className="badge badge-problem" title="Lint errors and warnings in this spec">
      {count} {count === 1 ? 'problem' : 'problems'}
    </span>
  );
}
