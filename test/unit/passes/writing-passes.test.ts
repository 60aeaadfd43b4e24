import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyzePass } from '../../../workflows/passes/analyze.ts';
import { bugBehaviourPass } from '../../../workflows/passes/bug-behaviour.ts';
import { docsPolishPass } from '../../../workflows/passes/docs-polish.ts';
import { draftSectionsPass } from '../../../workflows/passes/draft-sections.ts';
import { reviewSummaryPass } from '../../../workflows/passes/review-summary.ts';
import { templatePass } from '../../../workflows/passes/template.ts';
import { SAMPLE } from '../specs/helpers.ts';
import { contextFor, filesOf, promptOf, scriptedModel, TEMPLATES } from './helpers.ts';

const NEW = { id: 'WI-3X', title: 'Note export', folder: 'specs/note-export' };
let sample: Record<string, string>;

beforeAll(async () => {
  sample = await filesOf(SAMPLE);
});

describe('template', () => {
  const pass = {
    id: 'template',
    uses: 'template',
    inputs: [{ template: 'prd' }],
    output: '{item}/prd.md',
  };

  it("creates the item's document from the template", async () => {
    const result = await templatePass.run(contextFor(sample, { pass, item: NEW }));
    const expected = readFileSync(path.join(TEMPLATES, 'prd.md'), 'utf8')
      .replaceAll('{{title}}', 'Note export')
      .replaceAll('{{slug}}', 'note-export')
      .replaceAll('{{owner}}', '');
    expect(result.changes).toEqual([
      {
        path: 'specs/note-export/prd.md',
        before: null,
        after: expected,
        summary: 'Create specs/note-export/prd.md from the prd template',
      },
    ]);
    expect(expected).toContain('id: PRD-note-export\ntitle: Note export\n');
  });

  it('leaves an existing file alone', async () => {
    const result = await templatePass.run(contextFor(sample, { pass }));
    expect(result.changes).toEqual([]);
    expect(result.summary).toBe('specs/offline-review/prd.md already exists; nothing to create');
  });
});

describe('draft-sections', () => {
  it('drafts only the sections that still hold the template text', async () => {
    const created = await templatePass.run(
      contextFor(sample, {
        pass: {
          id: 'template',
          uses: 'template',
          inputs: [{ template: 'prd' }],
          output: '{item}/prd.md',
        },
        item: NEW,
      }),
    );
    const prd = (created.changes[0]?.after as string).replace(
      '- An outcome a user would notice, stated so that it can be checked.',
      '- Export any note as Markdown in one click.',
    );
    const files = { ...sample, 'specs/note-export/prd.md': prd };
    const model = scriptedModel({
      sections: [
        {
          heading: 'Problem',
          body: '## Sneaky heading\nReviewers copy notes by hand into other tools.',
        },
        { heading: 'Non-goals', body: '- Exporting to PDF.' },
      ],
    });
    const result = await draftSectionsPass.run(
      contextFor(files, {
        pass: {
          id: 'draft',
          uses: 'draft-sections',
          prompt: 'draft-sections',
          inputs: [{ template: 'prd' }],
          output: '{item}/prd.md',
        },
        item: NEW,
        model,
      }),
    );
    const prompt = promptOf(model.requests[0]);
    expect(prompt).toContain(
      '- Problem: Who has the problem, when it happens, and what it costs them today.',
    );
    expect(prompt).not.toContain('- Goals:');
    const after = result.changes[0]?.after as string;
    expect(after).toContain(
      '## Problem\n\nReviewers copy notes by hand into other tools.\n\n## Goals\n\n- Export any note as Markdown in one click.\n',
    );
    expect(after).toContain('## Non-goals\n\n- Exporting to PDF.\n\n## Users');
    expect(result.changes[0]?.before).toBe(prd);
    expect(result.metrics).toEqual({ draftedSections: 2 });
  });
  it('drafts only the sections its `section:` inputs name', async () => {
    const created = await templatePass.run(
      contextFor(sample, {
        pass: { id: 'template', uses: 'template', inputs: [{ template: 'prd' }] },
        item: NEW,
      }),
    );
    const files = { ...sample, 'specs/note-export/prd.md': created.changes[0]?.after as string };
    const draft = (model: ReturnType<typeof scriptedModel> | null, heading: string) =>
      draftSectionsPass.run(
        contextFor(files, {
          pass: {
            id: 'draft',
            uses: 'draft-sections',
            prompt: 'draft-sections',
            inputs: [{ template: 'prd' }, { section: { documents: '{item}/prd.md', heading } }],
            output: '{item}/prd.md',
          },
          item: NEW,
          model,
        }),
      );
    const model = scriptedModel({ sections: [{ heading: 'Users', body: '- Reviewers.' }] });
    const result = await draft(model, 'users');
    const prompt = promptOf(model.requests[0]);
    expect(prompt).toContain('- Users: |');
    expect(prompt).not.toContain('- Problem:');
    expect(result.output).toMatchObject({ drafted: ['Users'] });
    expect(result.changes[0]?.after).toContain('## Users\n\n- Reviewers.\n\n## Success metrics');
    // A section that is written already is not drafted again.
    const written = await draft(null, 'Title that is no section');
    expect(written.summary).toBe(
      'The chosen sections of specs/note-export/prd.md are written already; nothing to draft',
    );
  });
});

describe('bug-behaviour', () => {
  it('writes bugfix.md with numbered current, expected and unchanged behaviour', async () => {
    const model = scriptedModel({
      current: ['WHEN a comment is sent twice THEN the system shows it twice'],
      expected: [
        'WHEN a comment is sent twice THEN the system shows it once',
        'WHEN sending fails THEN it is retried',
      ],
      unchanged: ['WHEN a comment is sent once THEN the system shows it once'],
    });
    const result = await bugBehaviourPass.run(
      contextFor(sample, {
        pass: {
          id: 'behaviour',
          uses: 'bug-behaviour',
          prompt: 'bug-behaviour',
          output: '{item}/bugfix.md',
        },
        item: {
          id: 'BUG-1',
          kind: 'bug',
          title: 'Duplicate comments',
          folder: 'specs/duplicate-comments',
        },
        model,
      }),
    );
    expect(result.changes[0]?.after).toBe(
      '---\nid: BUGFIX-duplicate-comments\ntitle: Duplicate comments — bugfix\ntype: requirements\nstatus: draft\n---\n\n' +
        '# Duplicate comments — bugfix\n\n## Current behaviour\n\n- **1.1** WHEN a comment is sent twice THEN the system shows it twice\n\n' +
        '## Expected behaviour\n\n- **2.1** WHEN a comment is sent twice THEN the system shows it once\n- **2.2** WHEN sending fails THEN it is retried\n\n' +
        '## Unchanged behaviour\n\n- **3.1** WHEN a comment is sent once THEN the system shows it once\n',
    );
  });
});

describe('docs-polish', () => {
  it('applies only replacements whose text occurs exactly once', async () => {
    const model = scriptedModel({
      suggestions: [
        { find: 'pasted back by hand', replace: 'retyped by hand', reason: 'clearer' },
        { find: 'the', replace: 'a', reason: 'occurs many times' },
        { find: 'not in the text', replace: 'x', reason: 'missing' },
      ],
    });
    const result = await docsPolishPass.run(
      contextFor(sample, {
        pass: {
          id: 'polish',
          uses: 'docs-polish',
          prompt: 'docs-polish',
          inputs: [{ documents: '{item}/prd.md' }],
        },
        model,
      }),
    );
    const prd = sample['specs/offline-review/prd.md'] as string;
    expect(result.changes[0]?.after).toBe(prd.replace('pasted back by hand', 'retyped by hand'));
    expect(result.output).toMatchObject({
      skipped: [
        { find: 'the', reason: 'found more than once' },
        { find: 'not in the text', reason: 'not found' },
      ],
    });
  });
});

describe('review-summary', () => {
  it('summarises earlier outputs and never approves over a critical finding', async () => {
    const analyze = await analyzePass.run(
      contextFor(sample, {
        pass: { id: 'analyze', uses: 'analyze', inputs: [{ documents: '{item}/**/*.md' }] },
      }),
    );
    const model = scriptedModel({
      summary: 'Mostly ready for review.',
      concerns: ['T007 cites a missing requirement.'],
      recommendation: 'approve',
    });
    const result = await reviewSummaryPass.run(
      contextFor(sample, {
        pass: {
          id: 'summary',
          uses: 'review-summary',
          prompt: 'review-summary',
          inputs: [{ pass: 'analyze' }],
          output: '.cairn/reviews/WI-7KQ2.md',
        },
        outputs: { analyze: analyze.output },
        model,
      }),
    );
    expect(promptOf(model.requests[0])).toMatch(
      /- CRITICAL COV-[0-9A-F]{6}: Task T007 cites REQ-8XXXXX/,
    );
    expect(result.output).toMatchObject({ recommendation: 'changes-requested', overridden: true });
    expect(result.changes[0]).toMatchObject({ path: '.cairn/reviews/WI-7KQ2.md', before: null });
    expect(result.changes[0]?.after).toContain(
      '2025-06-01 · **Changes requested**\n\nMostly ready for review.\n\n## Concerns\n\n- T007 cites a missing requirement.\n',
    );
  });
});
