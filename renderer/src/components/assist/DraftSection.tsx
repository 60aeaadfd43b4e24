import { useEffect, useId, useState } from 'react';
import { useCairn } from '../../state/store.ts';
import { isRunning, JobProgress } from './JobProgress.tsx';

interface Props {
  path: string;
  onDocumentChanged(path: string): void;
}

const ALL = '';

/** Drafts one unwritten section (or all) with the local model; the draft is inserted or discarded. */
export function DraftSection({ path, onDocumentChanged }: Props) {
  const sections = useCairn((s) => s.draftable[path]);
  const loadDraftable = useCairn((s) => s.loadDraftable);
  const job = useCairn((s) => s.assistJob);
  const proposal = useCairn((s) => s.draftProposal);
  const startDraft = useCairn((s) => s.startDraft);
  const stop = useCairn((s) => s.stopAssist);
  const decide = useCairn((s) => s.decideDraft);
  const [chosen, setChosen] = useState(ALL);
  const selectId = useId();
  const headingId = useId();

  useEffect(() => {
    void loadDraftable(path);
  }, [path, loadDraftable]);

  const mine = job?.kind === 'draft' && job.path === path ? job : null;
  const busy = isRunning(job);
  const section = sections?.includes(chosen) ? chosen : ALL;
  const shownProposal = proposal?.path === path && proposal.changeId ? proposal : null;

  const onDecide = async (insert: boolean) => {
    const changed = await decide(insert);
    if (changed) onDocumentChanged(changed);
  };

  return (
    <section className="assist-section" aria-labelledby={headingId}>
      <h3 id={headingId}>Draft a section</h3>
      {sections === undefined ? (
        <p className="muted">Reading the sections…</p>
      ) : sections.length === 0 && !mine ? (
        <p className="muted">Every section of this document is written.</p>
      ) : (
        <div className="assist-row">
          <label htmlFor={selectId}>Section</label>
          <select
            id={selectId}
            value={section}
            disabled={busy}
            onChange={(e) => setChosen(e.target.value)}
          >
            <option value={ALL}>All unwritten sections ({sections.length})</option>
            {sections.map((title) => (
              <option key={title} value={title}>
                {title}
              </option>
            ))}
          </select>
          {isRunning(mine) ? (
            <button type="button" className="danger" onClick={stop}>
              Stop
            </button>
          ) : (
            <button
              type="button"
              className="primary"
              disabled={busy}
              onClick={() => startDraft(path, section || null)}
            >
              Draft
            </button>
          )}
        </div>
      )}
      {mine && <JobProgress job={mine} />}
      {shownProposal && (
        <div className="assist-proposal" role="group" aria-label="Proposed draft">
          <p className="muted small">A proposal: nothing is in the document until you insert it.</p>
          {shownProposal.sections.map((s) => (
            <div key={s.heading} className="assist-draft">
              <h4>{s.heading}</h4>
              <p className="assist-draft-body">{s.body}</p>
            </div>
          ))}
          <div className="assist-actions">
            <button type="button" className="primary" onClick={() => void onDecide(true)}>
              Insert into the document
            </button>
            <button type="button" onClick={() => void onDecide(false)}>
              Discard
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
