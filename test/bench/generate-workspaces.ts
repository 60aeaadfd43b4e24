// Writes synthetic workspaces for the lint benchmark: a Cairn one of any size, and an OpenSpec
// repo with a known share of defects so that both linters have something to find.
import fs from 'node:fs';
import path from 'node:path';
import { newRequirementId, seededRandom } from '../../workflows/specs/ids.ts';

function write(root: string, rel: string, text: string): void {
  fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
  fs.writeFileSync(path.join(root, rel), text);
}

const TRIGGERS = [
  'a note is shared with a reviewer',
  'the device reconnects',
  'the user signs out',
  'a comment is posted',
  'the cache is full',
];
const RESPONSES = [
  'store a readable copy of the note',
  'send the queued comments in order',
  'delete every cached note',
  'label the comment with its version',
  'evict the oldest note',
];

/** `features` × `perFeature` requirements (with one scenario each) and a tasks file per feature. */
export function writeCairnWorkspace(root: string, features: number, perFeature: number): number {
  const ids = new Set<string>();
  const random = seededRandom('bench');
  write(root, '.cairn/config.yaml', 'version: 1\nspecs:\n  roots: [specs]\nlint:\n  rules: {}\n');
  for (let f = 0; f < features; f++) {
    const slug = `feature-${String(f).padStart(3, '0')}`;
    const reqs: string[] = [];
    const tasks: string[] = [];
    for (let r = 0; r < perFeature; r++) {
      const id = newRequirementId(ids, { random });
      ids.add(id);
      const i = (f * perFeature + r) % TRIGGERS.length;
      // Every 50th requirement is vague, so the linter has findings to report.
      const bound = r % 50 === 7 ? 'and should do it fast' : `within ${1 + (r % 9)} seconds`;
      reqs.push(
        `### ${id}: Requirement ${r} of ${slug}\n\nWhen ${TRIGGERS[i]}, the app shall ${RESPONSES[i]} ${bound}.\n\n#### Scenario: Case ${r}\n\n- WHEN ${TRIGGERS[i]}\n- THEN the app does it ${bound.replace('and should do it ', '')}\n`,
      );
      tasks.push(
        `- [ ] T${String(r + 1).padStart(3, '0')} Implement requirement ${r} in \`src/${slug}/r${r}.ts\` (${id})`,
      );
    }
    const front = (type: string) =>
      `---\nid: ${type.toUpperCase()}-${slug}\ntitle: ${slug} ${type}\ntype: ${type}\nstatus: draft\nowners: [bench]\nlinks:\n  - requirements.md\n---\n\n# ${slug} ${type}\n\n`;
    write(
      root,
      `specs/${slug}/requirements.md`,
      front('requirements') + '## Requirements\n\n' + reqs.join('\n'),
    );
    write(
      root,
      `specs/${slug}/tasks.md`,
      front('tasks') + '## 1. Build\n\n' + tasks.join('\n') + '\n',
    );
  }
  return features * perFeature;
}

/**
 * `capabilities` main specs of `perSpec` requirements and `changes` changes with deltas.
 * About one spec in ten and one change in four carry a defect openspec reports.
 */
export function writeOpenSpecRepo(
  root: string,
  capabilities: number,
  perSpec: number,
  changes: number,
): number {
  write(
    root,
    'openspec/project.md',
    '# Project Context\n\n## Purpose\nA generated repository for the lint benchmark.\n',
  );
  let requirements = 0;
  for (let c = 0; c < capabilities; c++) {
    const cap = `capability-${String(c).padStart(3, '0')}`;
    const blocks: string[] = [];
    for (let r = 0; r < perSpec; r++) {
      requirements++;
      const defect = c % 10 === 3 && r === 0;
      const body = defect
        ? 'Notes are saved while the user types.'
        : `The system SHALL handle case ${r} of ${cap} within ${1 + (r % 5)} seconds.`;
      const scenario =
        c % 10 === 5 && r === 1
          ? ''
          : `\n#### Scenario: Case ${r}\n- **WHEN** case ${r} happens\n- **THEN** it is handled\n`;
      blocks.push(`### Requirement: Case ${r}\n${body}\n${scenario}`);
    }
    const purpose =
      c % 10 === 7
        ? 'Short.'
        : `Everything ${cap} does for the users of the generated benchmark repository.`;
    write(
      root,
      `openspec/specs/${cap}/spec.md`,
      `# ${cap} Specification\n\n## Purpose\n${purpose}\n\n## Requirements\n${blocks.join('\n')}`,
    );
  }
  for (let k = 0; k < changes; k++) {
    const id = `change-${String(k).padStart(3, '0')}`;
    const cap = `capability-${String(k % capabilities).padStart(3, '0')}`;
    write(
      root,
      `openspec/changes/${id}/proposal.md`,
      `## Why\nThe generated change number ${k} exists to exercise the delta checks.\n\n## What Changes\n- Adds case ${perSpec}\n`,
    );
    write(
      root,
      `openspec/changes/${id}/tasks.md`,
      '## 1. Implementation\n- [ ] 1.1 Write the code\n- [ ] 1.2 Write the tests\n',
    );
    const scenario =
      k % 4 === 1
        ? ''
        : `\n#### Scenario: New case\n- **WHEN** the new case happens\n- **THEN** it is handled\n`;
    const modified =
      k % 4 === 2
        ? `\n## MODIFIED Requirements\n### Requirement: Case 0\nThe system SHALL handle case 0 faster.\n\n#### Scenario: Another name\n- **WHEN** a\n- **THEN** b\n`
        : '';
    write(
      root,
      `openspec/changes/${id}/specs/${cap}/spec.md`,
      `## ADDED Requirements\n### Requirement: Case ${perSpec}\nThe system SHALL handle case ${perSpec}.\n${scenario}${modified}`,
    );
  }
  return requirements;
}
