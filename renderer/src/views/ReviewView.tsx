import { useEffect, useRef, useState, type RefObject } from 'react';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { ChangeList, type Kind } from '../components/review/ChangeList.tsx';
import { DiffFilters, KINDS } from '../components/review/DiffFilters.tsx';
import { RequirementList } from '../components/review/RequirementList.tsx';
import { SharePanel } from '../components/review/SharePanel.tsx';
import { VersionPicker } from '../components/review/VersionPicker.tsx';
import { WaitingWork } from '../components/review/WaitingWork.tsx';
import { useCairn } from '../state/store.ts';
import '../styles/review.css';

/** J and K move between changed requirements, as in a mail reader. */
function useChangeNavigation(container: RefObject<HTMLElement | null>) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      if (e.altKey || e.ctrlKey || e.metaKey || (e.key !== 'j' && e.key !== 'k')) return;
      if (target?.closest('input, textarea, select, [contenteditable="true"]')) return;
      const cards = [
        ...(container.current?.querySelectorAll<HTMLElement>('[data-change-card]') ?? []),
      ];
      if (cards.length === 0) return;
      const current = cards.findIndex((c) => c.contains(document.activeElement));
      const next =
        e.key === 'j' ? Math.min(cards.length - 1, current + 1) : Math.max(0, current - 1);
      e.preventDefault();
      cards[next]?.focus();
      cards[next]?.scrollIntoView({ block: 'nearest' });
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [container]);
}

export function ReviewView() {
  const loadVersions = useCairn((s) => s.loadReviewVersions);
  const loadComments = useCairn((s) => s.loadReviewComments);
  const diff = useCairn((s) => s.reviewDiff);
  const state = useCairn((s) => s.reviewDiffState);
  const error = useCairn((s) => s.reviewError);
  const requestRun = useCairn((s) => s.requestRun);
  const [kinds, setKinds] = useState<ReadonlySet<Kind>>(new Set(KINDS));
  const [query, setQuery] = useState('');
  const main = useRef<HTMLDivElement>(null);
  useChangeNavigation(main);

  useEffect(() => {
    void loadVersions();
    void loadComments();
  }, [loadVersions, loadComments]);

  const toggle = (kind: Kind) => {
    const next = new Set(kinds);
    if (next.has(kind)) next.delete(kind);
    else next.add(kind);
    setKinds(next);
  };

  return (
    <section className="view review" aria-labelledby="review-view-title">
      <header className="review-head">
        <div>
          <h1 id="review-view-title">Review</h1>
          <p className="muted">
            What changed between two versions, requirement by requirement. Everything here works
            offline.
          </p>
        </div>
        <button
          type="button"
          className="primary"
          onClick={() => requestRun({ workflowId: 'spec-review', itemId: null })}
        >
          Run spec-review locally
        </button>
      </header>
      <VersionPicker />
      {error && <ErrorNotice error={error} />}
      <div className="review-grid">
        <div className="review-main" ref={main} aria-busy={state === 'loading'}>
          {state === 'loading' && (
            <p className="muted" role="status">
              Comparing the two versions…
            </p>
          )}
          {diff && (
            <>
              <h2 className="diff-heading">
                From <code>{diff.from.label}</code> to <code>{diff.to.label}</code>
              </h2>
              <DiffFilters
                diff={diff}
                kinds={kinds}
                onToggle={toggle}
                query={query}
                onQuery={setQuery}
              />
              <ChangeList changes={diff.changes} kinds={kinds} query={query} />
              <RequirementList diff={diff} />
            </>
          )}
        </div>
        <aside className="review-side" aria-label="Comments and waiting work">
          <SharePanel />
          <WaitingWork />
          <section className="panel shortcuts" aria-labelledby="review-keys-title">
            <h2 id="review-keys-title">Keyboard</h2>
            <dl>
              <dt>Alt+2</dt>
              <dd>this view</dd>
              <dt>J / K</dt>
              <dd>next / previous changed requirement</dd>
              <dt>Ctrl+Enter</dt>
              <dd>save the comment you are writing</dd>
              <dt>Escape</dt>
              <dd>cancel it</dd>
            </dl>
          </section>
        </aside>
      </div>
    </section>
  );
}
