import path from 'node:path';
import type { WorkItemRef } from '../../../workflows/engine/pass.ts';
import { parseCommandArgs, parseFormat, UsageError, type CliIo, type Command } from '../command.ts';
import { EXIT, type ExitCode } from '../exit-codes.ts';
import { costLine } from '../output/cost-lines.ts';
import { openWorkflowSession } from '../workflow-session.ts';

const HELP = `Usage: cairn items [list]
       cairn items new <feature|bug|docs|review> <title…> [--folder DIR]

Work items: the feature, bug, docs change or review that workflow runs belong to. IDs are
random (FEAT-7KQ2M4), so people creating items offline never collide.

Options:
  --folder DIR         the item's spec folder inside the workspace (default: specs/<id>)
  --workspace DIR      the workspace (default: the current folder)
  --format text|json   output format (default: text)
  --data-dir DIR       where Cairn keeps its database`;

const KINDS: readonly WorkItemRef['kind'][] = ['feature', 'bug', 'docs', 'review'];

async function run(argv: string[], io: CliIo): Promise<ExitCode> {
  const { values, positionals } = parseCommandArgs(argv, {
    folder: { type: 'string' },
    workspace: { type: 'string' },
    format: { type: 'string' },
    'data-dir': { type: 'string' },
  });
  const [sub = 'list', kind, ...titleWords] = positionals;
  if (sub !== 'list' && sub !== 'new') {
    throw new UsageError(`unknown subcommand '${sub}' (expected list or new)`);
  }
  const json = parseFormat(values.format) === 'json';
  const workspaceRoot = path.resolve(values.workspace ?? io.cwd);
  const session = openWorkflowSession(values['data-dir'], io);
  try {
    if (sub === 'list') {
      const items = session.workflows.items.list(workspaceRoot);
      if (json) io.out(JSON.stringify(items, null, 2));
      else if (items.length === 0)
        io.out(
          'No work items in this workspace yet. Add one with `cairn items new feature "Title"`.',
        );
      else
        for (const i of items) {
          io.out(
            `${i.id}  ${i.kind.padEnd(7)}  ${i.title}  (${i.folder ?? `specs/${i.id.toLowerCase()}`})`,
          );
          io.out(costLine('   ', session.records.totals('workItem', { workItemId: i.id })[0]));
        }
      return EXIT.ok;
    }
    if (!kind || !(KINDS as readonly string[]).includes(kind)) {
      throw new UsageError(`items new takes a kind (${KINDS.join(', ')}), got '${kind ?? ''}'`);
    }
    if (titleWords.length === 0) throw new UsageError('items new needs a title');
    const folder = values.folder?.replace(/\\/g, '/').replace(/\/+$/, '') ?? null;
    if (folder && (folder.startsWith('/') || folder.split('/').includes('..'))) {
      throw new UsageError(
        `--folder must be a folder inside the workspace, got '${values.folder}'`,
      );
    }
    const item = session.workflows.items.create({
      kind: kind as WorkItemRef['kind'],
      title: titleWords.join(' '),
      folder,
      workspaceRoot,
    });
    if (json) io.out(JSON.stringify(item, null, 2));
    else io.out(`${item.id}  ${item.kind}  ${item.title}`);
    return EXIT.ok;
  } finally {
    session.close();
  }
}

export const itemsCommand: Command = {
  name: 'items',
  summary: 'List or add work items (feature, bug, docs, review) that runs belong to',
  help: HELP,
  run,
};
