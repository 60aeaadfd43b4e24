import { useCairn } from '../state/store.ts';

export function LintSummary() {
  const state = useCairn((s) => s.lintState);
  const counts = useCairn((s) => s.lint?.counts);
  const error = useCairn((s) => s.lintError);
  if (state === 'running' && !counts) return <span aria-live="polite">· checking…</span>;
  if (state === 'error') return <span className="error">· lint failed: {error?.message}</span>;
  if (!counts) return null;
  return (
    <span className="lint-summary" aria-label="Lint results">
      · {plural(counts.error, 'error')}, {plural(counts.warning, 'warning')},{' '}
      {plural(counts.info, 'note')}
    </span>
  );
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
