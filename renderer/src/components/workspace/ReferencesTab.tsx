// Where the requirement at the cursor (or a clicked ID) is declared, its scenarios, the tasks
// that plan it, the specs that mention it, and the code and tests that cite it. Each entry
// opens its file at the line; code opens read-only.
import type { Place } from '../../../../electron/ipc/contract/workspace.ts';
import { useCairn } from '../../state/store.ts';

export function ReferencesTab() {
  const id = useCairn((s) => s.referencesId);
  const refs = useCairn((s) => s.references);
  const state = useCairn((s) => s.referencesState);
  const error = useCairn((s) => s.referencesError);
  if (!id) {
    return (
      <p className="muted">
        Put the cursor in a requirement, or Ctrl+click (⌘-click) a requirement ID — or press F12 on
        it — to see its scenarios, tasks, code and tests.
      </p>
    );
  }
  return (
    <div className="references-tab" aria-busy={state === 'loading'}>
      <h2 className="references-id">{id}</h2>
      {state === 'loading' && !refs && <p className="muted">Tracing {id}…</p>}
      {error && (
        <p className="error" role="alert">
          {error.message}
        </p>
      )}
      {refs && refs.id === id && (
        <>
          <PlaceGroup
            title="Declared in"
            empty={`No spec declares ${id}.`}
            places={refs.declarations.map((d) => ({ ...d, text: d.title || d.text }))}
          />
          {refs.declarations.map((d) => (
            <PlaceGroup
              key={`${d.path}:${d.line}`}
              title={`Scenarios (${d.scenarios.length})`}
              empty="No acceptance scenario yet."
              places={d.scenarios}
            />
          ))}
          <PlaceGroup
            title={`Tasks (${refs.tasks.length})`}
            empty="No task cites it."
            places={refs.tasks.map((t) => ({
              ...t,
              text: `${t.done ? '☑' : '☐'} ${t.taskId ? `${t.taskId} ` : ''}${t.text}`,
            }))}
          />
          {refs.mentions.length > 0 && (
            <PlaceGroup title="Mentioned in" empty="" places={refs.mentions} />
          )}
          <PlaceGroup
            title={`Code (${refs.code.length})`}
            empty="No code cites it."
            places={refs.code}
          />
          <PlaceGroup
            title={`Tests (${refs.tests.length})`}
            empty="No test cites it."
            places={refs.tests}
          />
          <p className="muted small">
            Traced in {refs.stats.codeFiles.toLocaleString()} code files in{' '}
            {Math.max(1, Math.round(refs.stats.elapsedMs))} ms.
          </p>
        </>
      )}
    </div>
  );
}

function PlaceGroup(props: { title: string; empty: string; places: readonly Place[] }) {
  const openDocument = useCairn((s) => s.openDocument);
  return (
    <section className="place-group" aria-label={props.title}>
      <h3>{props.title}</h3>
      {props.places.length === 0 ? (
        <p className="muted small">{props.empty}</p>
      ) : (
        <ul>
          {props.places.map((place) => (
            <li key={`${place.path}:${place.line}:${place.text}`}>
              <button
                type="button"
                className="place"
                onClick={() => void openDocument(place.path, { line: place.line })}
              >
                <span className="place-where">
                  {place.path}:{place.line}
                </span>
                {place.text && <span className="place-text">{place.text}</span>}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
