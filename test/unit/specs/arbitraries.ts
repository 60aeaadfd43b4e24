// fast-check generators of spec-like Markdown: real spec constructs mixed with the odd ones
// (fences, HTML, tables, indentation, junk) that break naive parsers.
import fc from 'fast-check';

const word = fc.constantFrom(
  'the',
  'app',
  'shall',
  'should',
  'must',
  'may',
  'when',
  'While',
  'If',
  'then',
  'Where',
  'note',
  'fast',
  'gracefully',
  'and/or',
  'within',
  '2',
  'seconds',
  'TBD',
  'TODO',
  '???',
  'REQ-7KQ2M4',
  'REQ-8XXXXX',
  'REQ-abc',
  'FR-001',
  'US1',
  '1.2',
  '**WHEN**',
  '`code`',
  '[link](missing.md)',
  '[ok](#anchor)',
  '<b>',
  '&amp;',
  '\\*',
  '_x_',
  'é',
  '😀',
  '\t',
  'be saved',
);
const sentence = fc.array(word, { minLength: 0, maxLength: 14 }).map((w) => w.join(' '));
const junk = fc.string({ unit: 'grapheme', maxLength: 40 }).map((s) => s.replace(/\r|\n/g, ' '));
const reqId = fc.constantFrom(
  'REQ-7KQ2M4',
  'REQ-9F3TXA',
  'REQ-2HNB8W',
  'REQ-7KQ2M4',
  'REQ-xx',
  'REQ-0',
);
const hashes = fc.integer({ min: 1, max: 6 }).map((n) => '#'.repeat(n));
const indent = fc.integer({ min: 0, max: 8 }).map((n) => ' '.repeat(n));

const line = fc.oneof(
  sentence,
  junk,
  fc.tuple(hashes, sentence).map(([h, s]) => `${h} ${s}`),
  fc.tuple(reqId, sentence).map(([id, s]) => `### ${id}: ${s}`),
  sentence.map((s) => `#### Scenario: ${s}`),
  fc
    .tuple(indent, fc.constantFrom('- ', '* ', '1. ', '- [ ] ', '- [x] ', '2) '), sentence)
    .map(([i, m, s]) => i + m + s),
  fc
    .tuple(fc.constantFrom('WHEN', 'THEN', 'AND', 'GIVEN', '**WHEN**'), sentence)
    .map(([k, s]) => `- ${k} ${s}`),
  fc
    .tuple(fc.constantFrom('T001', 'T002', '1.1', '2.1'), sentence)
    .map(([t, s]) => `- [ ] ${t} ${s}`),
  fc.constantFrom('```', '~~~', '```md', '    ```', '  ~~~~'),
  fc.constantFrom('<!--', '-->', '<div>', '</div>', '<pre>', '</pre>'),
  fc.constantFrom('| a | b |', '| - | - |', '| 1 | 2 |'),
  fc.constantFrom('---', '***', '===', '> quote', '>> nested', '[ref]: https://x', ''),
  fc.constantFrom(
    '## Purpose',
    '## Requirements',
    '### Requirement: Login',
    '## ADDED Requirements',
    '## REMOVED Requirements',
    '## RENAMED Requirements',
    '- FROM: `### Requirement: A`',
    '- TO: `### Requirement: B`',
  ),
  fc.constantFrom(
    '### User Story 1 - Browse (Priority: P1)',
    '1. **Given** a, **When** b, **Then** c',
    '- **FR-001**: System MUST work',
    '### Requirement 1',
    '1. WHEN x THEN the system SHALL y',
    '_Requirements: 1.1, 9.9_',
  ),
);

const frontmatter = fc.oneof(
  fc.constant(''),
  fc.constant(
    '---\nid: SPEC-a\ntitle: A\ntype: requirements\nstatus: draft\ncovers: [src/**]\nlinks: [prd.md]\n---\n',
  ),
  fc.constant('---\nid: X\nid: Y\n---\n'),
  fc.constant('---\ntitle: [unclosed\n---\n'),
  fc.constant('---\nno end\n'),
  fc.tuple(junk, junk).map(([a, b]) => `---\n${a}: ${b}\n---\n`),
);

/** One Markdown document: optional frontmatter, then lines, with LF, CRLF or a BOM. */
export const markdownDocument = fc
  .tuple(
    frontmatter,
    fc.array(line, { minLength: 0, maxLength: 40 }),
    fc.constantFrom('\n', '\r\n'),
    fc.boolean(),
  )
  .map(
    ([front, lines, eol, bom]) =>
      (bom ? '\uFEFF' : '') + (front + lines.join('\n') + '\n').replace(/\n/g, eol),
  );

export const specPath = fc.constantFrom(
  'specs/a/requirements.md',
  'specs/a/tasks.md',
  'specs/b/design.md',
  'openspec/specs/auth/spec.md',
  'openspec/changes/c1/specs/auth/spec.md',
  'openspec/changes/c1/tasks.md',
  'specs/001-x/spec.md',
  'specs/001-x/tasks.md',
  '.kiro/specs/f/requirements.md',
  '.kiro/specs/f/tasks.md',
);

/** A workspace of 1 to 3 documents, maybe with a config file. */
export const workspaceFiles = fc
  .tuple(
    fc.uniqueArray(fc.tuple(specPath, markdownDocument), {
      minLength: 1,
      maxLength: 3,
      selector: ([p]) => p,
    }),
    fc.option(
      fc.constantFrom(
        'lint:\n  rules:\n    EARS-003: off\n',
        'lint:\n  rules:\n    NOPE-1: loud\n',
        'lint: [\n',
      ),
      { nil: undefined },
    ),
  )
  .map(([docs, config]) => {
    const files: Record<string, string> = Object.fromEntries(docs);
    if (config !== undefined) files['.cairn/config.yaml'] = config;
    return files;
  });

/** A longer document with many headings, for the piecewise parser. */
export const longDocument = fc
  .array(
    fc.oneof(
      { weight: 3, arbitrary: line },
      { weight: 1, arbitrary: hashes.map((h) => `${h} heading`) },
    ),
    {
      minLength: 20,
      maxLength: 120,
    },
  )
  .map((lines) => lines.join('\n') + '\n');
