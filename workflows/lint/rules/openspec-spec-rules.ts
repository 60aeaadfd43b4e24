// Parity with `openspec validate` for main specs (openspec/specs/<capability>/spec.md).
// Severities follow what openspec 1.13 reports; see resources/lint-rules.md.
import type {
  OpenSpecBlock,
  OpenSpecSpecInfo,
  SpecDocument,
  Workspace,
} from '../../specs/model.ts';
import type { Report, Rule } from '../finding.ts';
import { isPurposePlaceholder } from './openspec-purpose.ts';
import { FILE_START } from '../../specs/source-text.ts';

export const MIN_PURPOSE_LENGTH = 50;
export const MAX_REQUIREMENT_TEXT = 500;

/** Main specs that openspec can read at all (it stops at a missing Purpose or Requirements). */
export function* readableSpecs(workspace: Workspace) {
  for (const document of workspace.documents) {
    const spec = document.openspec?.spec;
    if (spec && spec.purpose?.text && spec.requirementsSection) yield { document, spec };
  }
}

function specRule(
  meta: Omit<Rule, 'check' | 'openspecParity'>,
  check: (document: SpecDocument, spec: OpenSpecSpecInfo, report: (f: Report) => void) => void,
): Rule {
  return {
    ...meta,
    openspecParity: true,
    check(workspace, report) {
      for (const { document, spec } of readableSpecs(workspace)) check(document, spec, report);
    },
  };
}

export function blockText(block: OpenSpecBlock): string {
  return block.body || (block.canonical ? `Requirement: ${block.name}` : block.name);
}

export const OPENSPEC_SPEC_RULES: Rule[] = [
  {
    id: 'OSPEC-001',
    name: 'missing-purpose',
    defaultSeverity: 'error',
    openspecParity: true,
    summary: 'An OpenSpec spec needs a non-empty `## Purpose` section.',
    check(workspace, report) {
      for (const document of workspace.documents) {
        const spec = document.openspec?.spec;
        if (!spec || spec.purpose?.text) continue;
        report({
          path: document.path,
          range: spec.purpose?.range ?? FILE_START,
          message: spec.purpose
            ? 'The Purpose section is empty; say in a sentence or two what this capability is for.'
            : 'No "## Purpose" section; add one saying what this capability is for (openspec cannot read the spec without it).',
        });
      }
    },
  },
  {
    id: 'OSPEC-002',
    name: 'missing-requirements',
    defaultSeverity: 'error',
    openspecParity: true,
    summary: 'An OpenSpec spec needs a `## Requirements` section.',
    check(workspace, report) {
      for (const document of workspace.documents) {
        const spec = document.openspec?.spec;
        if (!spec || !spec.purpose?.text || spec.requirementsSection) continue;
        report({
          path: document.path,
          range: FILE_START,
          message:
            'No "## Requirements" section; add one with "### Requirement: <name>" blocks (openspec cannot read the spec without it).',
        });
      }
    },
  },
  specRule(
    {
      id: 'OSPEC-003',
      name: 'no-requirements',
      defaultSeverity: 'error',
      summary: 'The Requirements section holds no requirement.',
    },
    (document, spec, report) => {
      if (spec.blocks.length > 0) return;
      report({
        path: document.path,
        range: spec.requirementsSection ?? FILE_START,
        message:
          'The Requirements section has no requirement; add "### Requirement: <name>" blocks.',
      });
    },
  ),
  specRule(
    {
      id: 'OSPEC-004',
      name: 'purpose-too-brief',
      defaultSeverity: 'warning',
      summary: `A Purpose under ${MIN_PURPOSE_LENGTH} characters.`,
    },
    (document, spec, report) => {
      const purpose = spec.purpose;
      if (
        !purpose ||
        purpose.text.length >= MIN_PURPOSE_LENGTH ||
        isPurposePlaceholder(purpose.text)
      ) {
        return;
      }
      report({
        path: document.path,
        range: purpose.range,
        message: `The Purpose is ${purpose.text.length} characters; say what the capability is for in at least ${MIN_PURPOSE_LENGTH}.`,
      });
    },
  ),
  specRule(
    {
      id: 'OSPEC-005',
      name: 'purpose-placeholder',
      defaultSeverity: 'warning',
      summary: 'A Purpose that is still a placeholder (TBD, TODO, or the sentence archive writes).',
    },
    (document, spec, report) => {
      if (!spec.purpose || !isPurposePlaceholder(spec.purpose.text)) return;
      report({
        path: document.path,
        range: spec.purpose.range,
        message: 'The Purpose is still a placeholder; replace it with what this capability is for.',
      });
    },
  ),
  specRule(
    {
      id: 'OSPEC-006',
      name: 'requirement-too-long',
      defaultSeverity: 'info',
      summary: `Requirement text over ${MAX_REQUIREMENT_TEXT} characters.`,
    },
    (document, spec, report) => {
      for (const block of spec.blocks) {
        const length = blockText(block).length;
        if (length <= MAX_REQUIREMENT_TEXT) continue;
        report({
          path: document.path,
          range: block.range,
          requirementId: block.name,
          message: `Requirement "${block.name}" is ${length} characters long; consider splitting it.`,
        });
      }
    },
  ),
  specRule(
    {
      id: 'OSPEC-011',
      name: 'misplaced-requirement',
      defaultSeverity: 'error',
      summary: 'A `### Requirement:` heading outside `## Requirements` (openspec ignores it).',
    },
    (document, spec, report) => {
      for (const misplaced of spec.misplaced) {
        report({
          path: document.path,
          range: misplaced.range,
          requirementId: misplaced.name,
          message: `Requirement "${misplaced.name}" is outside "## Requirements", so openspec does not see it; move it into that section.`,
        });
      }
    },
  ),
  specRule(
    {
      id: 'OSPEC-012',
      name: 'delta-header-in-spec',
      defaultSeverity: 'error',
      summary: 'A main spec with `## ADDED Requirements` (or another delta header).',
    },
    (document, spec, report) => {
      for (const heading of spec.deltaHeadings) {
        report({
          path: document.path,
          range: heading.range,
          message: `"${heading.text}" belongs in a change (openspec/changes/<id>/specs/…), not in a main spec; merge its requirements into "## Requirements".`,
        });
      }
    },
  ),
];
