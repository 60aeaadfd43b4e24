import { useDeferredValue, useId, useMemo } from 'react';
import { KIND_WORDS, vaguePhrases } from './ambiguities.ts';

interface Props {
  path: string;
  text: string;
  onGoToLine?(line: number, column: number): void;
}

/** The document's vague wording (the ambiguity pass's findings), each linked to its line. */
export function AmbiguityList({ path, text, onGoToLine }: Props) {
  // Typing stays responsive: the list follows the text when the browser has time.
  const settled = useDeferredValue(text);
  const phrases = useMemo(() => vaguePhrases(path, settled), [path, settled]);
  const headingId = useId();
  return (
    <section className="assist-section" aria-labelledby={headingId}>
      <h3 id={headingId}>Vague wording ({phrases.length})</h3>
      {phrases.length === 0 ? (
        <p className="muted">Nothing vague found.</p>
      ) : (
        <ul className="vague-list">
          {phrases.map((p) => {
            const label = (
              <>
                <span className="vague-line">line {p.line}</span> “{p.text}” ·{' '}
                <span className="muted">{KIND_WORDS[p.kind]}</span>
              </>
            );
            return (
              <li key={`${p.line}:${p.column}`} title={p.message}>
                {onGoToLine ? (
                  <button
                    type="button"
                    className="vague-item"
                    onClick={() => onGoToLine(p.line, p.column)}
                  >
                    {label}
                  </button>
                ) : (
                  <span className="vague-item">{label}</span>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
