// The side panel's Assist tab: PRD drafting (draft, clarify, EARS, vague wording) on the
// document open in the editor. What the core writes comes back through filesChangedOnDisk,
// which reloads the editor when it has no unsaved edits (and keeps them when it has).
import { AssistPanel } from '../assist/AssistPanel.tsx';
import { useCairn } from '../../state/store.ts';

export function AssistTab() {
  const document = useCairn((s) => s.document);
  const filesChangedOnDisk = useCairn((s) => s.filesChangedOnDisk);
  const openDocument = useCairn((s) => s.openDocument);
  if (!document) {
    return (
      <p className="muted">
        Open a spec to draft sections, answer questions and tighten requirements.
      </p>
    );
  }
  return (
    <AssistPanel
      path={document.path}
      text={document.text}
      onDocumentChanged={(path) => void filesChangedOnDisk([path])}
      onGoToLine={(line) => void openDocument(document.path, { line })}
    />
  );
}
