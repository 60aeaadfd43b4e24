// `cairn diff <ref> <ref>`: which requirements changed between two commits of the repository
// (added, removed, modified statement, moved to another file). The two trees are read with
// isomorphic-git into plain {path, text} lists and compared by requirement ID with a small
// pure function (workflows/drift/requirement-changes.ts). The folder-to-folder mode and the
// full semantic diff are built on another branch; they meet here when merged.
import path from 'node:path';
import {
  compareRequirements,
  type RequirementChange,
  type SpecText,
} from '../../../workflows/drift/requirement-changes.ts';
import { requireRepository, type Repo } from '../../services/repo/repository.ts';
import { readWorkspaceAt } from '../../services/repo/specs-at.ts';
import { parseCommandArgs, parseFormat, UsageError, type Command } from '../command.ts';
import { EXIT } from '../exit-codes.ts';

/** The Markdown files of a commit under the workspace folder, as plain text. */
export async function readSpecsAt(
  repo: Repo,
  ref: string,
): Promise<{ oid: string; files: SpecText[] }> {
  const { oid, input } = await readWorkspaceAt(repo, ref, (rel) => /\.(md|markdown)$/i.test(rel));
  return { oid, files: input.files };
}

function formatChanges(changes: RequirementChange[], from: string, to: string): string {
  const count = (c: RequirementChange['change']) => changes.filter((x) => x.change === c).length;
  const lines = [
    `Requirements from ${from} to ${to}: ${count('added')} added, ${count('modified')} modified, ${count('removed')} removed, ${count('moved')} moved.`,
  ];
  const mark = { added: '+', removed: '-', modified: '~', moved: '>' } as const;
  for (const c of changes) {
    const side = c.after ?? c.before;
    const where = c.change === 'moved' ? `${c.before?.path} -> ${c.after?.path}` : side?.path;
    lines.push(
      `  ${mark[c.change]} ${c.id.padEnd(12)} ${c.change.padEnd(8)} ${where}${side?.title ? `  "${side.title}"` : ''}`,
    );
    if (
      c.change === 'modified' &&
      c.before &&
      c.after &&
      c.before.statement !== c.after.statement
    ) {
      lines.push(`      was: ${c.before.statement}`, `      now: ${c.after.statement}`);
    }
  }
  return lines.join('\n');
}

export const diffRefsCommand: Command = {
  name: 'diff',
  summary: 'Show which requirements changed between two git refs',
  help: `Usage: cairn diff <ref> <ref> [--format text|json] [--repo DIR] [--exit-code]

Compares the specs (Markdown files) of two commits by requirement ID: requirements added,
removed, with a changed statement or title, or moved to another file. Refs are branches,
tags or commits of the repository holding DIR (default: the current folder).

  --format F    text (default) or json
  --repo DIR    the workspace folder (default: the current folder)
  --exit-code   exit 1 when some requirement changed (like git diff --exit-code)

Exit codes: 0 done (with --exit-code: nothing changed), 1 requirements changed (only with
--exit-code), 2 usage error, 3 failure (not a git repository, unknown ref).`,
  async run(args, io) {
    const parsed = parseCommandArgs(args, {
      format: { type: 'string', default: 'text' },
      repo: { type: 'string' },
      'exit-code': { type: 'boolean', default: false },
    });
    const { values, positionals } = parsed;
    if (positionals.length !== 2)
      throw new UsageError(`diff takes two refs, got ${positionals.length}`);
    const format = parseFormat(values.format);
    const repo = await requireRepository(path.resolve(io.cwd, values.repo ?? '.'));
    const [from, to] = positionals as [string, string];
    const a = await readSpecsAt(repo, from);
    const b = await readSpecsAt(repo, to);
    const changes = compareRequirements(a.files, b.files);
    if (format === 'json') {
      io.out(
        JSON.stringify(
          { from: { ref: from, oid: a.oid }, to: { ref: to, oid: b.oid }, changes },
          null,
          2,
        ),
      );
    } else {
      io.out(
        formatChanges(changes, `${from} (${a.oid.slice(0, 8)})`, `${to} (${b.oid.slice(0, 8)})`),
      );
    }
    return values['exit-code'] && changes.length > 0 ? EXIT.findings : EXIT.ok;
  },
};
