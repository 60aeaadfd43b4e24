import { useEffect, useId, useRef, useState } from 'react';
import type { ClarifySession } from '../../state/assist-slice.ts';

interface Props {
  session: ClarifySession;
  /** An option key (or a short answer), or null to skip. */
  onAnswer(choice: string | null): void;
}

/** One question at a time: its options, the recommended one marked and chosen to start with. */
export function QuestionCard({ session, onAnswer }: Props) {
  const question = session.questions[session.index]!;
  const [choice, setChoice] = useState(question.recommended);
  const first = useRef<HTMLInputElement>(null);
  const textId = useId();
  const last = session.index === session.questions.length - 1;

  useEffect(() => {
    // Each new question takes the focus, on its recommended answer.
    first.current?.focus();
  }, [question.id]);

  return (
    <form
      className="assist-question"
      onSubmit={(e) => {
        e.preventDefault();
        if (choice.trim() !== '') onAnswer(choice.trim());
      }}
    >
      <fieldset aria-describedby={textId}>
        <legend>
          Question {session.index + 1} of {session.questions.length}
        </legend>
        <p id={textId} className="assist-question-text">
          {question.question}
        </p>
        {question.options.length > 0 ? (
          question.options.map((option) => {
            const recommended = option.key === question.recommended;
            return (
              <label key={option.key} className={recommended ? 'option recommended' : 'option'}>
                <input
                  ref={option.key === choice ? first : undefined}
                  type="radio"
                  name={`question-${question.id}`}
                  value={option.key}
                  checked={choice === option.key}
                  onChange={() => setChoice(option.key)}
                />
                <span>
                  {option.key}. {option.text}
                </span>
                {recommended && <span className="assist-recommended">Recommended</span>}
              </label>
            );
          })
        ) : (
          <label className="option">
            <span>Your answer</span>
            <input
              ref={first}
              type="text"
              value={choice}
              maxLength={500}
              onChange={(e) => setChoice(e.target.value)}
            />
          </label>
        )}
        <p className="muted small">Why this is recommended: {question.reason}</p>
      </fieldset>
      <div className="assist-actions">
        <button type="submit" className="primary">
          {last ? 'Record my answers' : 'Next'}
        </button>
        <button type="button" onClick={() => onAnswer(null)}>
          Skip
        </button>
      </div>
    </form>
  );
}
