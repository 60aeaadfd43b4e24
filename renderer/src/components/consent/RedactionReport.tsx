import type { EgressRequestView } from '../../../../electron/ipc/contract/consent.ts';

interface Props {
  redaction: EgressRequestView['redaction'];
}

/** What was replaced before a request left: counts by pattern, then each masked preview. */
export function RedactionReport({ redaction }: Props) {
  const counts = Object.entries(redaction.counts);
  if (counts.length === 0) return <span className="muted">nothing</span>;
  const summary = counts.map(([pattern, n]) => `${pattern} ×${n}`).join(', ');
  // The first line is the total ("Redacted 2 values:"); the rest name each pattern and value.
  const details = redaction.lines.slice(1).map((l) => l.trim());
  return (
    <details className="redaction-report">
      <summary>
        <span className="visually-hidden">Redaction report: </span>
        {summary}
      </summary>
      <ul>
        {details.map((line, i) => (
          <li key={i} className={/^message \d/.test(line) ? 'occurrence' : 'pattern'}>
            <code>{line}</code>
          </li>
        ))}
      </ul>
    </details>
  );
}
