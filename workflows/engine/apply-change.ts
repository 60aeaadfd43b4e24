// Applies a proposed change to a file as it is now. A change records the whole file before and
// after the pass; if the file has moved on since (the user edited it, or another change of the
// same run was accepted), the pass's edit is merged in with diff3, and a conflict means the
// change is stale: it is never forced over someone's work.
import { diff3, isClean } from '../merge/diff3.ts';
import { joinLines, splitLines } from '../merge/lines.ts';

export type ApplyOutcome =
  { ok: true; text: string; merged: boolean } | { ok: false; reason: string };

export function applyChange(
  current: string | null,
  change: { path: string; before: string | null; after: string },
): ApplyOutcome {
  if (current === change.before) return { ok: true, text: change.after, merged: false };
  if (current === change.after) return { ok: true, text: current, merged: false };
  if (change.before === null) {
    return {
      ok: false,
      reason: `${change.path} was created by someone else since the pass proposed creating it; re-run the pass`,
    };
  }
  if (current === null) {
    return { ok: false, reason: `${change.path} was deleted since the pass read it` };
  }
  const base = splitLines(change.before);
  const ours = splitLines(current);
  const theirs = splitLines(change.after);
  const chunks = diff3(base.lines, ours.lines, theirs.lines);
  if (!isClean(chunks)) {
    return {
      ok: false,
      reason: `${change.path} changed since the pass read it, in the same lines this change edits; re-run the pass or edit by hand`,
    };
  }
  const lines = chunks.flatMap((c) => (c.kind === 'ok' ? c.lines : []));
  return { ok: true, text: joinLines(lines, ours.eol, ours.finalNewline), merged: true };
}
