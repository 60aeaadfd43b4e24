import { useId } from 'react';
import { useCairn } from '../../state/store.ts';
import { isRunning, JobProgress } from './JobProgress.tsx';
import { QuestionCard } from './QuestionCard.tsx';

interface Props {
  path: string;
  onDocumentChanged(path: string): void;
}

/** Up to five questions from the clarify pass, one at a time; the answers go in the document. */
export function ClarifyQuestions({ path, onDocumentChanged }: Props) {
  const job = useCairn((s) => s.assistJob);
  const session = useCairn((s) => s.clarifySession);
  const start = useCairn((s) => s.startClarify);
  const stop = useCairn((s) => s.stopAssist);
  const answer = useCairn((s) => s.answerQuestion);
  const headingId = useId();
  const mine = job?.kind === 'clarify' && job.path === path ? job : null;
  const shown = session?.path === path ? session : null;

  const onAnswer = async (choice: string | null) => {
    const changed = await answer(choice);
    if (changed) onDocumentChanged(changed);
  };

  return (
    <section className="assist-section" aria-labelledby={headingId}>
      <h3 id={headingId}>Clarifying questions</h3>
      {!shown &&
        (isRunning(mine) ? (
          <button type="button" className="danger" onClick={stop}>
            Stop
          </button>
        ) : (
          <button type="button" disabled={isRunning(job)} onClick={() => start(path)}>
            Ask clarifying questions
          </button>
        ))}
      {mine && !shown && <JobProgress job={mine} />}
      {shown && <QuestionCard key={shown.index} session={shown} onAnswer={onAnswer} />}
    </section>
  );
}
