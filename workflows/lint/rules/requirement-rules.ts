// Rules about requirements, their IDs, scenarios and tasks. OpenSpec documents have their own
// parity rules (openspec-*.ts) for the overlapping checks, so these skip them.
import {
  newRequirementId,
  repairRequirementId,
  REQUIREMENT_ID,
  seededRandom,
} from '../../specs/ids.ts';
import type { Requirement, Scenario, SpecDocument, Workspace } from '../../specs/model.ts';
import { requirementKey } from '../citations.ts';
import type { Report, Rule } from '../finding.ts';
import { requirementLabel } from '../labels.ts';
import { repeats } from '../repeats.ts';

interface Entry {
  document: SpecDocument;
  requirement: Requirement;
}

// Most rules here walk every requirement, some twice: list them once per workspace.
const listed = new WeakMap<Workspace, { all: Entry[]; withoutOpenSpec: Entry[] }>();

function requirementsOf(workspace: Workspace, skipOpenSpec: boolean): readonly Entry[] {
  let lists = listed.get(workspace);
  if (!lists) {
    lists = { all: [], withoutOpenSpec: [] };
    for (const document of workspace.documents) {
      for (const requirement of document.requirements) {
        const entry = { document, requirement };
        lists.all.push(entry);
        if (document.format !== 'openspec') lists.withoutOpenSpec.push(entry);
      }
    }
    listed.set(workspace, lists);
  }
  return skipOpenSpec ? lists.withoutOpenSpec : lists.all;
}

function name(requirement: Requirement): string {
  const label = requirementLabel(requirement);
  return label.charAt(0).toUpperCase() + label.slice(1);
}

function where(requirement: Requirement): string {
  return `${requirement.path}:${requirement.headingRange.start.line}`;
}

export const REQUIREMENT_RULES: Rule[] = [
  {
    id: 'SPEC-002',
    name: 'no-scenario',
    defaultSeverity: 'warning',
    summary: 'A requirement (or user story) without an acceptance scenario.',
    check(workspace, report) {
      for (const { requirement } of requirementsOf(workspace, true)) {
        if (!requirement.scenarioExpected || requirement.scenarios.length > 0) continue;
        const how =
          requirement.kind === 'story'
            ? 'add numbered "**Given** …, **When** …, **Then** …" acceptance scenarios'
            : 'add a "Scenario: …" heading one level below it with WHEN/THEN bullets';
        report({
          path: requirement.path,
          range: requirement.headingRange,
          requirementId: requirement.id,
          message: `${name(requirement)} has no acceptance scenario; ${how}.`,
        });
      }
    },
  },
  {
    id: 'SPEC-003',
    name: 'duplicate-id',
    defaultSeverity: 'error',
    summary: 'Two requirements with the same ID (two people minted the same ID, or a copy).',
    check(workspace, report) {
      const groups = new Map<string, Requirement[]>();
      for (const { requirement } of requirementsOf(workspace, true)) {
        const key = requirementKey(requirement.scope, requirement.id);
        const group = groups.get(key);
        if (group) group.push(requirement);
        else groups.set(key, [requirement]);
      }
      // Every ID in use, so that a suggested one is new; built at the first duplicate.
      let taken: Set<string> | null = null;
      for (const group of groups.values()) {
        const first = group[0];
        if (!first) continue;
        for (let i = 1; i < group.length; i++) {
          const other = group[i] as Requirement;
          taken ??= new Set(requirementsOf(workspace, false).map((e) => e.requirement.id));
          const replacement = REQUIREMENT_ID.test(other.id)
            ? newRequirementId(taken, {
                random: seededRandom(`${other.path}:${other.idRange.start.line}:${other.id}`),
              })
            : null;
          if (replacement) taken.add(replacement);
          report({
            path: other.path,
            range: other.idRange,
            requirementId: other.id,
            message: `${other.id} is already declared at ${where(first)}; IDs must be unique. Give one of them a new ID${replacement ? ` (for example ${replacement})` : ''} and update its citations.`,
            ...(replacement
              ? {
                  fix: {
                    description: `Renumber this requirement ${replacement}`,
                    edits: [{ range: other.idRange, newText: replacement }],
                  },
                }
              : {}),
          });
        }
      }
    },
  },
  {
    id: 'SPEC-004',
    name: 'malformed-id',
    defaultSeverity: 'warning',
    summary: 'A Cairn requirement ID that is not REQ- and 6 Crockford base32 characters.',
    check(workspace, report) {
      // Every ID in use, so that a repair is not a duplicate; built at the first malformed ID.
      let taken: Set<string> | null = null;
      for (const { document, requirement } of requirementsOf(workspace, true)) {
        if (document.format !== 'cairn' || REQUIREMENT_ID.test(requirement.id)) continue;
        taken ??= new Set(requirementsOf(workspace, false).map((e) => e.requirement.id));
        const repaired = repairRequirementId(requirement.id);
        const fixable = repaired !== null && !taken.has(repaired);
        report({
          path: requirement.path,
          range: requirement.idRange,
          requirementId: requirement.id,
          message: `${requirement.id} is not a valid requirement ID: use "REQ-" and 6 characters from 0-9 and A-Z without I, L, O, U${fixable ? ` (did you mean ${repaired}?)` : ''}.`,
          ...(fixable
            ? {
                fix: {
                  description: `Rewrite as ${repaired}`,
                  edits: [{ range: requirement.idRange, newText: repaired as string }],
                },
              }
            : {}),
        });
      }
    },
  },
  {
    id: 'SPEC-010',
    name: 'empty-requirement',
    defaultSeverity: 'error',
    summary: 'A requirement heading with no statement under it.',
    check(workspace, report) {
      for (const { requirement } of requirementsOf(workspace, true)) {
        if (requirement.statement.trim() !== '') continue;
        report({
          path: requirement.path,
          range: requirement.headingRange,
          requirementId: requirement.id,
          message: `${name(requirement)} has a heading but no statement; write it under the heading ("When <trigger>, the <system> shall <response>.").`,
        });
      }
    },
  },
  {
    id: 'SPEC-011',
    name: 'incomplete-scenario',
    defaultSeverity: 'warning',
    summary: 'A scenario without a WHEN (or GIVEN) step or without a THEN step.',
    check(workspace, report) {
      for (const { requirement } of requirementsOf(workspace, false)) {
        for (const scenario of requirement.scenarios) {
          const missing = missingSteps(scenario);
          if (missing.length === 0) continue;
          report({
            path: requirement.path,
            range: scenario.range,
            requirementId: requirement.id,
            message: `Scenario "${scenario.name}" of ${name(requirement)} has no ${missing.join(' and no ')} step; write "- WHEN <action>" then "- THEN <observable outcome>".`,
          });
        }
      }
    },
  },
  {
    id: 'SPEC-012',
    name: 'scenario-heading-level',
    defaultSeverity: 'warning',
    summary: 'Scenario headings sit one level below their requirement (#### under ###).',
    check(workspace, report) {
      for (const { requirement } of requirementsOf(workspace, false)) {
        if (requirement.headingDepth === null) continue;
        const expected = requirement.headingDepth + 1;
        for (const scenario of requirement.scenarios) {
          if (scenario.headingDepth === null || scenario.headingDepth === expected) continue;
          const start = scenario.range.start;
          const hashes = {
            start,
            end: { line: start.line, column: start.column + scenario.headingDepth },
          };
          report({
            path: requirement.path,
            range: hashes,
            requirementId: requirement.id,
            message: `Scenario "${scenario.name}" is a level-${scenario.headingDepth} heading; under a level-${requirement.headingDepth} requirement it must be level ${expected} (${'#'.repeat(expected)}).`,
            fix: {
              description: `Make it a level-${expected} heading`,
              edits: [{ range: hashes, newText: '#'.repeat(expected) }],
            },
          });
        }
      }
    },
  },
  {
    id: 'SPEC-013',
    name: 'duplicate-task-id',
    defaultSeverity: 'warning',
    summary: 'Two tasks with the same ID in one document.',
    check(workspace, report) {
      for (const document of workspace.documents) {
        if (document.format === 'openspec') continue;
        checkTaskIds(document, report);
      }
    },
  },
];

export function missingSteps(scenario: Scenario): string[] {
  let when = false;
  let then = false;
  for (let i = 0; i < scenario.steps.length; i++) {
    const keyword = (scenario.steps[i] as Scenario['steps'][number]).keyword;
    if (keyword === 'WHEN' || keyword === 'GIVEN') when = true;
    else if (keyword === 'THEN') then = true;
  }
  const missing: string[] = [];
  if (!when) missing.push('WHEN');
  if (!then) missing.push('THEN');
  return missing;
}

function checkTaskIds(document: SpecDocument, report: (finding: Report) => void): void {
  for (const { item: task, first } of repeats(document.tasks, (t) => t.id)) {
    report({
      path: document.path,
      range: task.idRange ?? task.range,
      message: `Task ${task.id} is already used on line ${first.range.start.line}; renumber one of them.`,
    });
  }
}
