// A copy of the sample workspace set up for the Runs tests: a second spec with a lint fix (so a
// run proposes two changes), and team workflows in .cairn/ — a lint gate that fails then a
// clarify gate, a long summary to cancel, one over its budget, and one broken file.
import fs from 'node:fs';
import path from 'node:path';
import { copySample } from './workflow-harness.ts';

export const REQUIREMENTS = 'specs/offline-review/requirements.md';
export const SYNC = 'specs/offline-review/sync.md';

const FILES: Record<string, string> = {
  [SYNC]: [
    '---',
    'id: SPEC-offline-sync',
    'title: Offline review — sync requirements',
    'type: requirements',
    'status: draft',
    '---',
    '',
    '# Offline review — sync requirements',
    '',
    '## Requirements',
    '',
    '### REQ-5TQW2R: Sync notes on reconnect',
    '',
    'When the device reconnects, the app shall fetch the notes changed while it was offline and should do it quietly.',
    '',
    '#### Scenario: Reconnect after a flight',
    '',
    "- WHEN Ravi's laptop reconnects",
    '- THEN the notes changed meanwhile are fetched',
    '',
  ].join('\n'),
  '.cairn/workflows/ui-check.yaml': [
    'id: ui-check',
    'title: Lint and clarify',
    'description: Lints the item with a strict gate, then asks clarifying questions at a human gate.',
    'items: [review]',
    'budget:',
    '  tokens: 500',
    'passes:',
    '  - id: lint',
    '    uses: lint',
    '    title: Lint',
    '    inputs:',
    "      - documents: '{item}/**/*.md'",
    '    gate:',
    '      auto: [no-lint-errors]',
    '  - id: clarify',
    '    uses: clarify',
    '    title: Clarifying questions',
    '    prompt: clarify',
    '    inputs:',
    "      - documents: '{item}/requirements.md'",
    "    output: '{item}/requirements.md'",
    '    max_tokens: 1024',
    '    gate:',
    '      human: true',
  ].join('\n'),
  '.cairn/workflows/ui-long.yaml': [
    'id: ui-long',
    'title: Long summary',
    'items: [review]',
    'passes:',
    '  - id: lint',
    '    uses: lint',
    '    title: Lint',
    '    inputs:',
    "      - documents: '{item}/**/*.md'",
    '  - id: summary',
    '    uses: review-summary',
    '    title: Summary',
    '    prompt: review-summary',
    '    inputs:',
    '      - pass: lint',
    '    max_tokens: 2000',
  ].join('\n'),
  '.cairn/workflows/tight.yaml': [
    'id: tight',
    'title: Tight budget',
    'budget:',
    '  tokens: 10',
    'passes:',
    '  - id: summary',
    '    uses: review-summary',
    '    prompt: review-summary',
    '    max_tokens: 3000',
  ].join('\n'),
  '.cairn/workflows/broken.yaml': 'id: broken\ntitle: Broken\npasses:\n  - id: x\n    uses: nope\n',
};

/** Copies the sample workspace into `dir` with the files above; returns its folder. */
export function runsWorkspace(dir: string): string {
  const workspace = copySample(dir);
  for (const [rel, text] of Object.entries(FILES)) {
    fs.mkdirSync(path.dirname(path.join(workspace, rel)), { recursive: true });
    fs.writeFileSync(path.join(workspace, rel), text);
  }
  return workspace;
}
