// Parity with `openspec validate` for changes: delta structure, conflicts between delta
// sections, scenario loss against the main spec, task numbering.
import type {
  OpenSpecBlock,
  OpenSpecDeltaInfo,
  Range,
  SpecDocument,
  Workspace,
} from '../../specs/model.ts';
import type { Report, Rule } from '../finding.ts';
import { FILE_START } from '../../specs/source-text.ts';
import { repeats } from '../repeats.ts';

function* deltas(
  workspace: Workspace,
): Generator<{ document: SpecDocument; delta: OpenSpecDeltaInfo }> {
  for (const document of workspace.documents) {
    const delta = document.openspec?.delta;
    if (delta) yield { document, delta };
  }
}

function deltaRule(
  meta: Omit<Rule, 'check'>,
  check: (document: SpecDocument, delta: OpenSpecDeltaInfo, report: (f: Report) => void) => void,
): Rule {
  return {
    openspecParity: true,
    ...meta,
    check(workspace, report) {
      for (const { document, delta } of deltas(workspace)) check(document, delta, report);
    },
  };
}

const fold = (name: string) => name.toLowerCase().replace(/\s+/g, ' ');

export const OPENSPEC_CHANGE_RULES: Rule[] = [
  deltaRule(
    {
      id: 'OSPEC-013',
      name: 'delta-conflict',
      defaultSeverity: 'error',
      summary: 'A requirement named in two of ADDED, MODIFIED, REMOVED (or a rename that clashes).',
    },
    (document, delta, report) => {
      const added = new Set(delta.blocks.filter((b) => b.operation === 'ADDED').map((b) => b.name));
      const modified = delta.blocks.filter((b) => b.operation === 'MODIFIED');
      const removed = new Map(delta.removed.map((r) => [r.name, r.range]));
      const say = (range: Range, name: string, message: string) =>
        report({ path: document.path, range, requirementId: name, message });
      for (const block of modified) {
        if (removed.has(block.name)) {
          say(block.range, block.name, `"${block.name}" is both MODIFIED and REMOVED; keep one.`);
        }
        if (added.has(block.name)) {
          say(block.range, block.name, `"${block.name}" is both MODIFIED and ADDED; keep one.`);
        }
      }
      for (const [name, range] of removed) {
        if (added.has(name)) say(range, name, `"${name}" is both ADDED and REMOVED; keep one.`);
      }
      for (const rename of delta.renamed) {
        if (modified.some((b) => b.name === rename.from)) {
          say(
            rename.range,
            rename.from,
            `MODIFIED uses the old name "${rename.from}" of a RENAMED requirement; use "${rename.to}".`,
          );
        }
        if (added.has(rename.to)) {
          say(
            rename.range,
            rename.to,
            `RENAMED to "${rename.to}", which ADDED also declares; pick another name.`,
          );
        }
        if ([...removed.keys()].some((r) => fold(r) === fold(rename.from))) {
          say(rename.range, rename.from, `"${rename.from}" is both RENAMED and REMOVED; keep one.`);
        }
      }
    },
  ),
  deltaRule(
    {
      id: 'OSPEC-014',
      name: 'unpaired-rename',
      defaultSeverity: 'error',
      summary: 'A RENAMED `FROM:` line without its `TO:` line (or the reverse).',
    },
    (document, delta, report) => {
      for (const line of delta.unpairedRenames) {
        const missing = line.side === 'FROM' ? 'TO' : 'FROM';
        report({
          path: document.path,
          range: line.range,
          requirementId: line.name,
          message: `RENAMED ${line.side}: "${line.name}" has no ${missing}: line; write each rename as a FROM: line followed by its TO: line.`,
        });
      }
    },
  ),
  deltaRule(
    {
      id: 'OSPEC-015',
      name: 'orphan-requirement',
      defaultSeverity: 'warning',
      summary: 'A `### Requirement:` in a delta file outside every delta section (ignored).',
    },
    (document, delta, report) => {
      for (const orphan of delta.orphans) {
        const where = orphan.section
          ? `under "## ${orphan.section}"`
          : 'above the first "## " section';
        report({
          path: document.path,
          range: orphan.range,
          requirementId: orphan.name,
          message: `Requirement "${orphan.name}" is ${where}, which is not a delta section, so it is ignored; move it under "## ADDED Requirements" (or MODIFIED, REMOVED, RENAMED).`,
        });
      }
    },
  ),
  deltaRule(
    {
      id: 'OSPEC-016',
      name: 'stray-heading',
      defaultSeverity: 'info',
      summary: 'A `###` heading in ADDED/MODIFIED that is not `### Requirement:` (ignored).',
    },
    (document, delta, report) => {
      for (const stray of delta.strayHeadings) {
        report({
          path: document.path,
          range: stray.range,
          message: `"### ${stray.text}" in ${stray.section} is not a "### Requirement:" heading and is ignored; write "### Requirement: ${stray.text}" if it is one.`,
        });
      }
    },
  ),
  {
    id: 'OSPEC-017',
    name: 'no-deltas',
    defaultSeverity: 'error',
    openspecParity: true,
    summary: 'A delta file with no delta entries, or a change with no deltas at all.',
    check(workspace, report) {
      const changes = new Map<string, { documents: SpecDocument[]; entries: number }>();
      for (const document of workspace.documents) {
        const change = document.openspec?.change;
        if (!change) continue;
        const key = document.scope.replace(/(openspec\/changes\/[^/]+)\/specs\/.*$/, '$1');
        const entry = changes.get(key) ?? { documents: [], entries: 0 };
        entry.documents.push(document);
        const delta = document.openspec?.delta;
        if (delta) {
          const entries = delta.blocks.length + delta.removed.length + delta.renamed.length;
          entry.entries += entries;
          if (entries === 0) {
            report({
              path: document.path,
              range: delta.sections[0]?.range ?? FILE_START,
              message:
                delta.sections.length > 0
                  ? 'The delta sections hold no requirement entries; add "### Requirement: <name>" blocks under them.'
                  : 'No delta sections; add "## ADDED Requirements" (or MODIFIED, REMOVED, RENAMED) with the requirements this change touches.',
            });
          }
        }
        changes.set(key, entry);
      }
      for (const [key, { documents, entries }] of changes) {
        if (entries > 0) continue;
        const anchor = documents.find((d) => d.kind === 'proposal') ?? documents[0];
        if (!anchor) continue;
        report({
          path: anchor.path,
          range: FILE_START,
          message: `Change ${key.split('/').pop()} has no deltas; add specs/<capability>/spec.md with "## ADDED Requirements" (or MODIFIED, REMOVED, RENAMED).`,
        });
      }
    },
  },
  {
    id: 'OSPEC-018',
    name: 'scenario-loss',
    defaultSeverity: 'error',
    openspecParity: true,
    summary: 'A MODIFIED requirement that drops scenarios the main spec still has.',
    check(workspace, report) {
      const mainBlocks = new Map<string, Map<string, OpenSpecBlock>>();
      for (const document of workspace.documents) {
        const spec = document.openspec?.spec;
        if (!spec) continue;
        mainBlocks.set(
          document.scope,
          new Map(spec.blocks.filter((b) => b.canonical).map((b) => [b.name, b])),
        );
      }
      for (const { document, delta } of deltas(workspace)) {
        const main = mainBlocks.get(
          document.scope.replace(/openspec\/changes\/[^/]+\/specs\//, 'openspec/specs/'),
        );
        if (!main) continue;
        const renamedFrom = new Map(delta.renamed.map((r) => [r.to, r.from]));
        const renamedAway = new Set(delta.renamed.map((r) => r.from));
        for (const block of delta.blocks) {
          if (block.operation !== 'MODIFIED' || renamedAway.has(block.name)) continue;
          const current = currentBlock(main, renamedFrom, block.name);
          if (!current) continue;
          const missing = unmatched(current.scenarioHeadings, block.scenarioHeadings);
          if (missing.length === 0) continue;
          report({
            path: document.path,
            range: block.range,
            requirementId: block.name,
            message: `MODIFIED "${block.name}" drops scenario(s) the main spec still has: ${missing.map((n) => `"${n}"`).join(', ')}. A MODIFIED block replaces the whole requirement, so copy them in.`,
          });
        }
      }
    },
  },
  deltaRule(
    {
      id: 'OSPEC-019',
      name: 'removed-without-reason',
      defaultSeverity: 'info',
      // OpenSpec's convention, which `openspec validate` does not check.
      openspecParity: false,
      summary:
        'A REMOVED requirement without **Reason**: and **Migration**: notes (OpenSpec convention).',
    },
    (document, delta, report) => {
      for (const removed of delta.removed) {
        const missing = [
          removed.hasReason ? null : 'Reason',
          removed.hasMigration ? null : 'Migration',
        ].filter((x): x is string => x !== null);
        if (missing.length === 0) continue;
        report({
          path: document.path,
          range: removed.range,
          requirementId: removed.name,
          message: `REMOVED "${removed.name}" has no ${missing.map((m) => `**${m}**:`).join(' or ')} note; say why it goes and what users do instead.`,
        });
      }
    },
  ),
  {
    id: 'OSPEC-020',
    name: 'task-numbering',
    defaultSeverity: 'warning',
    openspecParity: true,
    summary: 'Change tasks numbered outside their `## N.` group, or numbered twice.',
    check(workspace, report) {
      for (const document of workspace.documents) {
        if (document.format !== 'openspec' || document.kind !== 'tasks') continue;
        const groups = document.sections.filter((s) => s.depth === 2);
        if (!groups.some((g) => /^\d+\./.test(g.title))) continue;
        // Tasks numbered `N.M` under a numbered group heading, as openspec reads them.
        const numbered = document.tasks.flatMap((task) => {
          if (!task.id?.includes('.')) return [];
          const group = groups.filter((g) => g.range.start.line < task.range.start.line).pop();
          const groupNumber = group ? /^(\d+)\./.exec(group.title)?.[1] : undefined;
          return groupNumber === undefined ? [] : [{ task, id: task.id, groupNumber }];
        });
        for (const { task, id, groupNumber } of numbered) {
          const taskGroup = id.split('.')[0] as string;
          if (Number(taskGroup) === Number(groupNumber)) continue;
          report({
            path: document.path,
            range: task.idRange ?? task.range,
            message: `Task ${id} is under group ${groupNumber} but numbered for group ${taskGroup}; move or renumber it.`,
          });
        }
        for (const { item, first } of repeats(numbered, (n) => n.id)) {
          report({
            path: document.path,
            range: item.task.idRange ?? item.task.range,
            message: `Task ${item.id} is already numbered on line ${first.task.range.start.line}; renumber one of them.`,
          });
        }
      }
    },
  },
];

function currentBlock(
  main: Map<string, OpenSpecBlock>,
  renamedFrom: Map<string, string>,
  name: string,
): OpenSpecBlock | undefined {
  const visited = new Set<string>();
  let key: string | undefined = name;
  while (key !== undefined && !visited.has(key)) {
    const block = main.get(key);
    if (block) return block;
    visited.add(key);
    key = renamedFrom.get(key);
  }
  return undefined;
}

/** Names in `names` left over after matching each against one in `against` (counts matter). */
function unmatched(names: readonly string[], against: readonly string[]): string[] {
  const remaining = new Map<string, number>();
  for (const n of against) remaining.set(n, (remaining.get(n) ?? 0) + 1);
  return names.filter((n) => {
    const left = remaining.get(n) ?? 0;
    if (left > 0) remaining.set(n, left - 1);
    return left === 0;
  });
}
