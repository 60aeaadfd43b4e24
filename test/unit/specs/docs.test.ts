import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../../workflows/lint/rules/index.ts';
import { lint, REPO } from './helpers.ts';

describe('resources/lint-rules.md', () => {
  it('documents every rule with its name and default severity, and no other', () => {
    const text = fs.readFileSync(path.join(REPO, 'resources/lint-rules.md'), 'utf8');
    const documented = [
      ...text.matchAll(/^### ([A-Z]+-\d{3}) `([a-z-]+)` — (error|warning|info)/gm),
    ].map((m) => `${m[1]} ${m[2]} ${m[3]}`);
    expect(documented.sort()).toEqual(
      RULES.map((r) => `${r.id} ${r.name} ${r.defaultSeverity}`).sort(),
    );
  });
});

describe('resources/templates', () => {
  it('lint clean once their placeholders are filled in', () => {
    const fill = (text: string) =>
      text
        .replaceAll('{{slug}}', 'offline-sync')
        .replaceAll('{{title}}', 'Offline sync')
        .replaceAll('{{owner}}', 'maya.chen')
        .replaceAll('{{requirement-id}}', 'REQ-7KQ2M4');
    const files = Object.fromEntries(
      ['prd', 'requirements', 'design', 'tasks'].map((name) => [
        `specs/offline-sync/${name}.md`,
        fill(fs.readFileSync(path.join(REPO, 'resources/templates', `${name}.md`), 'utf8')),
      ]),
    );
    const findings = lint(files, { extraPaths: ['src/offline-sync/index.ts'] });
    expect(findings.map((f) => `${f.ruleId} ${f.path}:${f.range.start.line} ${f.message}`)).toEqual(
      [],
    );
  });
});
