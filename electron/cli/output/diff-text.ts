import type { RequirementChange, SpecDiff } from '../../../workflows/diff/diff-workspaces.ts';

const MARK = { added: '+', removed: '-', modified: '~', renamed: '>' } as const;

function describe(change: RequirementChange): string[] {
  const before = change.before;
  const after = change.after;
  const shown = after ?? before;
  if (!shown) return [];
  const where = `${shown.path}:${shown.line}`;
  const head =
    change.kind === 'renamed' && before && after
      ? `${MARK.renamed} renamed  ${before.id} "${before.title}" -> ${after.id} "${after.title}"  (${where}, matched by ${change.match})`
      : `${MARK[change.kind]} ${change.kind.padEnd(8)} ${shown.id}${shown.title && shown.title !== shown.id ? ` "${shown.title}"` : ''}  (${where})`;
  const lines = [head];
  if (change.statementChanged && before && after) {
    lines.push(`    statement was: ${before.statement}`);
    lines.push(`    statement now: ${after.statement}`);
  }
  const s = change.scenarios;
  if (s) {
    for (const name of s.added) lines.push(`    + scenario "${name}"`);
    for (const name of s.removed) lines.push(`    - scenario "${name}"`);
    for (const name of s.modified) lines.push(`    ~ scenario "${name}"`);
  }
  return lines;
}

export function formatDiffText(diff: SpecDiff): string[] {
  const { added, removed, modified, renamed } = diff.counts;
  return [
    ...diff.changes.flatMap(describe),
    `${added} added, ${removed} removed, ${modified} modified, ${renamed} renamed; ${diff.unchanged} unchanged.`,
  ];
}
