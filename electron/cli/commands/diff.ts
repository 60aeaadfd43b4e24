import fs from 'node:fs';
import path from 'node:path';
import { diffWorkspaces } from '../../../workflows/diff/diff-workspaces.ts';
import { loadFolder } from '../../services/specs/lint-folder.ts';
import { parseCommandArgs, UsageError, type Command } from '../command.ts';
import { EXIT } from '../exit-codes.ts';
import { formatDiffText } from '../output/diff-text.ts';
import { diffRefsCommand } from './diff-refs.ts';

const FORMATS = ['text', 'json'] as const;

export const diffCommand: Command = {
  name: 'diff',
  summary: 'Compare two versions of the specs (folders or git refs) requirement by requirement',
  help: `Usage: cairn diff <old-dir> <new-dir> [--format text|json]
       cairn diff <ref> <ref> [--format text|json] [--repo DIR] [--exit-code]

With two folders:

Shows which requirements were added, removed, modified (statement or scenarios) or
renamed between two folders of specs, in any layout Cairn reads. Requirements are paired
by ID, then by content, so a renamed or re-numbered requirement is not reported as one
removal plus one addition.

  --format F   text (default) or json

Exit codes: 0 compared (whether or not anything changed), 2 usage error, 3 a folder could
not be read.

With two git refs (branches, tags or commits of the repository holding DIR): requirements
added, removed, with a changed statement or title, or moved to another file, by ID.

  --repo DIR    the workspace folder (default: the current folder)
  --exit-code   exit 1 when some requirement changed (like git diff --exit-code)`,
  async run(args, io) {
    if (refMode(args, io.cwd)) return diffRefsCommand.run(args, io);
    const parsed = parseCommandArgs(args, { format: { type: 'string', default: 'text' } });
    const { values, positionals } = parsed;
    if (positionals.length !== 2) {
      throw new UsageError(`diff takes two folders (old and new), got ${positionals.length}`);
    }
    const format = values.format as (typeof FORMATS)[number];
    if (!FORMATS.includes(format)) {
      throw new UsageError(`--format must be one of ${FORMATS.join(', ')}, got '${values.format}'`);
    }
    let before;
    let after;
    try {
      before = await loadFolder(path.resolve(io.cwd, positionals[0] as string));
      after = await loadFolder(path.resolve(io.cwd, positionals[1] as string));
    } catch (error) {
      io.err(`cairn diff: ${(error as Error).message}`);
      return EXIT.failure;
    }
    const diff = diffWorkspaces(before.workspace, after.workspace);
    if (format === 'json')
      io.out(
        JSON.stringify({ version: 1, before: before.root, after: after.root, ...diff }, null, 2),
      );
    else for (const line of formatDiffText(diff)) io.out(line);
    return EXIT.ok;
  },
};

/**
 * --repo or --exit-code, or two arguments neither of which is a folder: refs of a git
 * repository. When one is a folder, the other is taken as a folder too (and reported
 * missing if it is not one), since a ref is never compared with a folder.
 */
function refMode(args: string[], cwd: string): boolean {
  const valued = new Set(['--format', '--repo']);
  const positionals = args.filter((a, i) => !a.startsWith('-') && !valued.has(args[i - 1] ?? ''));
  if (args.includes('--repo') || args.includes('--exit-code')) return true;
  return positionals.length === 2 && !positionals.some((p) => isDirectory(path.resolve(cwd, p)));
}

function isDirectory(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}
