import path from 'node:path';
import { parseArgs } from 'node:util';
import { diffWorkspaces } from '../../../workflows/diff/diff-workspaces.ts';
import { loadFolder } from '../../services/specs/lint-folder.ts';
import { UsageError, type Command } from '../command.ts';
import { EXIT } from '../exit-codes.ts';
import { formatDiffText } from '../output/diff-text.ts';

const FORMATS = ['text', 'json'] as const;

export const diffCommand: Command = {
  name: 'diff',
  summary: 'Compare two versions of the specs requirement by requirement',
  help: `Usage: cairn diff <old-dir> <new-dir> [--format text|json]

Shows which requirements were added, removed, modified (statement or scenarios) or
renamed between two folders of specs, in any layout Cairn reads. Requirements are paired
by ID, then by content, so a renamed or re-numbered requirement is not reported as one
removal plus one addition.

  --format F   text (default) or json

Exit codes: 0 compared (whether or not anything changed), 2 usage error, 3 a folder could
not be read.`,
  async run(args, io) {
    let parsed;
    try {
      parsed = parseArgs({
        args,
        allowPositionals: true,
        options: { format: { type: 'string', default: 'text' } },
      });
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
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
