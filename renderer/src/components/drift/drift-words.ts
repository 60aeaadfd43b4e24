// Drift findings and progress, in words.
import type { DriftFinding, DriftProgress } from '../../state/drift-slice.ts';

export const KIND_WORDS: Record<DriftFinding['kind'], string> = {
  'code-drift': 'Code changed since the spec',
  'spec-ahead': 'Spec changed, code did not follow',
  'untested-requirement': 'Requirement without a test',
  'unknown-requirement': 'Unknown requirement cited',
  'removed-requirement': 'Removed requirement cited',
  'covers-nothing': 'Covers no file',
};

const count = new Intl.NumberFormat();

export function progressWords(p: DriftProgress | null): string {
  if (!p) return 'Starting…';
  const of =
    p.total === null
      ? `${count.format(p.done)} so far`
      : `${count.format(p.done)} of ${count.format(p.total)}`;
  if (p.phase === 'reading') return `Reading new commits: ${of}`;
  if (p.phase === 'indexing') return `Indexing commits: ${of}`;
  return `Reading files at HEAD: ${of}`;
}

const date = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** A commit time (seconds since 1970) as people read it. */
export const commitDate = (seconds: number) => date.format(seconds * 1000);

/** The author's name without the e-mail address. */
export const authorName = (author: string) => author.replace(/\s*<.*>$/, '');
