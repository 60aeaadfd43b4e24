// Parity with `openspec validate` for requirement blocks, in main specs and in change deltas
// (ADDED and MODIFIED blocks are checked like main-spec requirements).
import type { OpenSpecBlock, SpecDocument, Workspace } from '../../specs/model.ts';
import type { Report, Rule } from '../finding.ts';
import { readableSpecs } from './openspec-spec-rules.ts';
import { repeats } from '../repeats.ts';

export const SHALL_OR_MUST = /\b(SHALL|MUST)\b/;

interface Located {
  document: SpecDocument;
  block: OpenSpecBlock;
  /** 'spec' for a main spec, else the delta section. */
  where: 'spec' | 'ADDED' | 'MODIFIED';
}

function* blocks(workspace: Workspace): Generator<Located> {
  for (const { document, spec } of readableSpecs(workspace)) {
    for (const block of spec.blocks) yield { document, block, where: 'spec' };
  }
  for (const document of workspace.documents) {
    for (const block of document.openspec?.delta?.blocks ?? []) {
      yield { document, block, where: block.operation };
    }
  }
}

function label({ block, where }: Located): string {
  return where === 'spec' ? `Requirement "${block.name}"` : `${where} "${block.name}"`;
}

function blockRule(
  meta: Omit<Rule, 'check' | 'openspecParity'>,
  check: (located: Located, report: (f: Report) => void) => void,
): Rule {
  return {
    ...meta,
    openspecParity: true,
    check(workspace, report) {
      for (const located of blocks(workspace)) check(located, report);
    },
  };
}

function at(located: Located) {
  return {
    path: located.document.path,
    range: located.block.range,
    requirementId: located.block.name,
  };
}

export const OPENSPEC_REQUIREMENT_RULES: Rule[] = [
  blockRule(
    {
      id: 'OSPEC-007',
      name: 'missing-scenario',
      defaultSeverity: 'error',
      summary: 'A requirement with no scenario (`#### Scenario:` with content under it).',
    },
    (located, report) => {
      if (located.block.scenarios.length > 0) return;
      const empty = located.block.scenarioHeadings.length > 0;
      report({
        ...at(located),
        message: `${label(located)} has no scenario; add "#### Scenario: <name>" with "- **WHEN** …" and "- **THEN** …" bullets${empty ? ' (a scenario heading with nothing under it does not count)' : ''}.`,
      });
    },
  ),
  blockRule(
    {
      id: 'OSPEC-008',
      name: 'missing-shall',
      defaultSeverity: 'warning',
      summary: 'A requirement body without SHALL or MUST (upper case, as OpenSpec expects).',
    },
    (located, report) => {
      const { block } = located;
      if (!block.canonical || block.body === '' || SHALL_OR_MUST.test(block.body)) return;
      report({
        ...at(located),
        message: `${label(located)} has no SHALL or MUST in its body; state it as "The system SHALL …" on the line under the heading.`,
      });
    },
  ),
  blockRule(
    {
      id: 'OSPEC-009',
      name: 'empty-requirement',
      defaultSeverity: 'error',
      summary: 'A `### Requirement:` heading with no text under it.',
    },
    (located, report) => {
      if (!located.block.canonical || located.block.body !== '') return;
      report({
        ...at(located),
        message: `${label(located)} has no text; write "The system SHALL …" on the line under the heading.`,
      });
    },
  ),
  {
    id: 'OSPEC-010',
    name: 'duplicate-requirement',
    defaultSeverity: 'error',
    openspecParity: true,
    summary: 'Two requirements with the same name (in a spec, or in one delta section).',
    check(workspace, report) {
      const declared = repeats(blocks(workspace), (b) =>
        b.block.canonical ? `${b.document.path}\0${b.where}\0${b.block.name}` : null,
      );
      for (const { item, first } of declared) {
        report({
          ...at(item),
          message: `${label(item)} is already declared on line ${first.block.range.start.line}; names must be unique.`,
        });
      }
      for (const document of workspace.documents) {
        const delta = document.openspec?.delta;
        if (!delta) continue;
        const lists = [
          { what: 'REMOVED', names: delta.removed.map((r) => ({ name: r.name, range: r.range })) },
          {
            what: 'RENAMED FROM',
            names: delta.renamed.map((r) => ({ name: r.from, range: r.range })),
          },
          { what: 'RENAMED TO', names: delta.renamed.map((r) => ({ name: r.to, range: r.range })) },
        ];
        for (const { what, names } of lists) {
          for (const { item, first } of repeats(names, (n) => n.name)) {
            report({
              path: document.path,
              range: item.range,
              requirementId: item.name,
              message: `${what} "${item.name}" is already listed on line ${first.range.start.line}; list it once.`,
            });
          }
        }
      }
    },
  },
];
