import { useId, useState } from 'react';
import type { DriftFinding } from '../../state/drift-slice.ts';
import { ConfirmDialog } from '../ConfirmDialog.tsx';
import { KIND_WORDS } from './drift-words.ts';

interface Props {
  findings: DriftFinding[];
  onAccept(note: string): void;
  onCancel(): void;
}

/** Asks before findings go into the repository's baseline file, with an optional note. */
export function AcceptDialog({ findings, onAccept, onCancel }: Props) {
  const [note, setNote] = useState('');
  const noteId = useId();
  const one = findings.length === 1 ? findings[0]! : null;
  return (
    <ConfirmDialog
      title={one ? 'Accept this finding?' : `Accept ${findings.length} findings?`}
      confirmLabel="Accept into baseline"
      onCancel={onCancel}
      onConfirm={() => onAccept(note)}
    >
      <p>
        {one ? (
          <>
            <strong>{KIND_WORDS[one.kind]}</strong>
            {one.spec ? ` in ${one.spec}` : one.requirement ? ` (${one.requirement})` : ''}
          </>
        ) : (
          `${findings.length} new findings${findings[0]?.spec ? ` of ${findings[0].spec}` : ''}`
        )}{' '}
        will be written to <code>.cairn/drift-baseline.yaml</code> in the repository, with your
        name. They stay quiet until new evidence appears (a new commit, a changed requirement).
        Commit and sync the file so your team shares it.
      </p>
      <label htmlFor={noteId} className="dialog-label">
        Note (optional): why this is fine
      </label>
      <textarea
        id={noteId}
        className="dialog-note"
        rows={2}
        maxLength={2000}
        value={note}
        onChange={(e) => setNote(e.target.value)}
      />
    </ConfirmDialog>
  );
}
