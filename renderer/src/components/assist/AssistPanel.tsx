import '../../styles/assist.css';
import '../../styles/controls.css';
import { useCairn } from '../../state/store.ts';
import { AmbiguityList } from './AmbiguityList.tsx';
import { ClarifyQuestions } from './ClarifyQuestions.tsx';
import { DraftSection } from './DraftSection.tsx';
import { EarsRewrites } from './EarsRewrites.tsx';
import { isRunning } from './JobProgress.tsx';
import { ModelChoice } from './ModelChoice.tsx';

export interface AssistPanelProps {
  /** The document, relative to the workspace root. */
  path: string;
  /** Its text as the editor holds it (the vague-wording list follows it as the user types). */
  text: string;
  /** The core wrote the document (an accepted proposal, recorded answers): reload it. */
  onDocumentChanged(path: string): void;
  /** Moves the editor to a line; without it, vague phrases only show their line. */
  onGoToLine?(line: number, column: number): void;
}

/**
 * The side-panel tab "Assist": the local model drafts, asks and rewrites; each result is a
 * proposal the user accepts or rejects. Escape stops a model run.
 */
export function AssistPanel({ path, text, onDocumentChanged, onGoToLine }: AssistPanelProps) {
  const notice = useCairn((s) => s.assistNotice);
  const error = useCairn((s) => s.assistError);
  const running = useCairn((s) => isRunning(s.assistJob));
  const stop = useCairn((s) => s.stopAssist);
  return (
    <section
      className="assist-panel"
      aria-label="Assist"
      onKeyDown={(e) => {
        if (e.key === 'Escape' && running) stop();
      }}
    >
      <h2>Assist</h2>
      <ModelChoice />
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <DraftSection path={path} onDocumentChanged={onDocumentChanged} />
      <AmbiguityList path={path} text={text} onGoToLine={onGoToLine} />
      <ClarifyQuestions path={path} onDocumentChanged={onDocumentChanged} />
      <EarsRewrites path={path} onDocumentChanged={onDocumentChanged} />
    </section>
  );
}
