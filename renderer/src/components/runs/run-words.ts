// How the Runs view says things: run states, change outcomes and the numbers of an estimate.
import type { ChangeView, RunSummary } from '../../../../electron/ipc/contract/runs.ts';

/** A run's state in words; a `running` run this host is not driving was interrupted. */
export function runStateLabel(run: Pick<RunSummary, 'status' | 'active'>): string {
  switch (run.status) {
    case 'running':
      return run.active ? 'Running' : 'Interrupted';
    case 'waiting':
      return 'Waiting for approval';
    case 'blocked':
      return 'Blocked at a gate';
    case 'deferred':
      return 'Waiting for consent';
    case 'completed':
      return 'Completed';
    case 'failed':
      return 'Failed';
    case 'cancelled':
      return 'Cancelled';
  }
}

/** A class for the state badge: good, needs you, bad, or neutral. */
export function runStateTone(run: Pick<RunSummary, 'status' | 'active'>): string {
  if (run.status === 'completed') return 'tone-ok';
  if (run.status === 'failed') return 'tone-bad';
  if (run.status === 'running' && run.active) return 'tone-busy';
  if (run.status === 'cancelled') return 'tone-muted';
  return 'tone-warn';
}

/** What became of a change, in words, when this session has no fresher outcome to show. */
export function changeStatusWords(change: Pick<ChangeView, 'status' | 'path'>): string | null {
  switch (change.status) {
    case 'accepted':
      return `Accepted: written to ${change.path}.`;
    case 'rejected':
      return `Rejected: ${change.path} was left as it is.`;
    case 'stale':
      return `Not applied: ${change.path} changed in the same lines after the pass read it. Retry the pass, or make the edit by hand.`;
    case 'proposed':
      return null;
  }
}

export function formatTokens(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

/** Seconds as a person says them; "unknown" when nothing was measured. */
export function formatSeconds(seconds: number): string {
  if (seconds <= 0) return 'unknown';
  if (seconds < 10) return `${seconds.toFixed(1)} s`;
  if (seconds < 90) return `${Math.round(seconds)} s`;
  if (seconds < 90 * 60) return `${Math.round(seconds / 60)} min`;
  return `${(seconds / 3600).toFixed(1)} h`;
}

export const KIND_LABELS = {
  feature: 'FEAT · feature',
  bug: 'BUG · bug',
  docs: 'DOCS · docs',
  review: 'REV · review',
} as const;
