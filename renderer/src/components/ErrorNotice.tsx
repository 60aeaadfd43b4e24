import type { CairnError } from '../../../electron/ipc/contract.ts';

/** A failure from the core, announced, with its field-level problems when it has them. */
export function ErrorNotice({ error }: { error: Pick<CairnError, 'message' | 'issues'> }) {
  return (
    <div className="error" role="alert">
      <p>{error.message}</p>
      {error.issues && (
        <ul>
          {error.issues.map((i) => (
            <li key={i}>{i}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
