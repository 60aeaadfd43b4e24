import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import type { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { WorkflowSchema } from '../../../workflows/engine/definition.ts';
import { BugBehaviourSchema } from '../../../workflows/passes/bug-behaviour.ts';
import { ClarifySchema } from '../../../workflows/passes/clarify.ts';
import { DocsPolishSchema } from '../../../workflows/passes/docs-polish.ts';
import { draftSchema } from '../../../workflows/passes/draft-sections.ts';
import { EarsRewriteSchema } from '../../../workflows/passes/ears-rewrite.ts';
import { PASSES, findPass } from '../../../workflows/passes/index.ts';
import { PlanSchema } from '../../../workflows/passes/plan.ts';
import { placeholdersOf } from '../../../workflows/passes/render-prompt.ts';
import { ReviewSummarySchema } from '../../../workflows/passes/review-summary.ts';
import { maxJsonLength } from '../../../workflows/passes/schema-size.ts';
import { SpecifySchema } from '../../../workflows/passes/specify.ts';
import { TasksSchema } from '../../../workflows/passes/tasks.ts';
import { verifySchema } from '../../../workflows/passes/verify.ts';
import { REPO } from '../specs/helpers.ts';
import { PROMPTS } from './helpers.ts';

const BUILTIN = path.join(REPO, 'workflows/builtin');
const files = readdirSync(BUILTIN).filter((f) => f.endsWith('.yaml'));

/** The output schema of each model pass, at its largest realistic size (PRD: 6 sections). */
const SCHEMAS: Record<string, z.ZodType> = {
  'draft-sections': draftSchema([
    'Problem',
    'Goals',
    'Non-goals',
    'Users',
    'Success metrics',
    'Open questions',
  ]),
  clarify: ClarifySchema,
  'ears-rewrite': EarsRewriteSchema,
  specify: SpecifySchema,
  plan: PlanSchema,
  tasks: TasksSchema,
  verify: verifySchema(
    Array.from({ length: 20 }, (_, i) => `REQ-${String(i).padStart(6, '0')}`) as [
      string,
      ...string[],
    ],
  ),
  'bug-behaviour': BugBehaviourSchema,
  'docs-polish': DocsPolishSchema,
  'review-summary': ReviewSummarySchema,
};

describe('built-in workflows', () => {
  it('are the five the product ships', () => {
    expect(files.sort()).toEqual([
      'bugfix.yaml',
      'docs-update.yaml',
      'new-feature.yaml',
      'prd-draft.yaml',
      'spec-review.yaml',
    ]);
  });

  for (const file of files) {
    it(`${file} is valid and names passes, prompts and earlier passes that exist`, () => {
      const workflow = WorkflowSchema.parse(parse(readFileSync(path.join(BUILTIN, file), 'utf8')));
      expect(`${workflow.id}.yaml`).toBe(file);
      const seen: string[] = [];
      for (const pass of workflow.passes) {
        const implementation = findPass(pass.uses);
        expect(implementation, `${pass.id} uses ${pass.uses}`).not.toBeNull();
        if (implementation?.kind === 'model') {
          expect(pass.prompt, `${pass.id} needs a prompt`).toBeDefined();
          // Under a grammar a tiny model fills strings to their bound: it must still finish.
          const bound = maxJsonLength(SCHEMAS[pass.uses] as z.ZodType);
          expect(pass.max_tokens, `${pass.id} max_tokens`).toBeGreaterThanOrEqual(bound);
        }
        if (pass.prompt) {
          expect(existsSync(path.join(PROMPTS, `${pass.prompt}.md`)), `prompt ${pass.prompt}`).toBe(
            true,
          );
        }
        for (const input of pass.inputs) {
          if ('pass' in input) expect(seen, `${pass.id} reads ${input.pass}`).toContain(input.pass);
        }
        expect(seen).not.toContain(pass.id);
        seen.push(pass.id);
      }
    });
  }

  it('has one implementation per pass name, and a prompt for every model pass', () => {
    const names = PASSES.map((p) => p.name);
    expect(new Set(names).size).toBe(names.length);
    for (const pass of PASSES.filter((p) => p.kind === 'model')) {
      expect(SCHEMAS[pass.name], pass.name).toBeDefined();
    }
    expect(findPass('nope')).toBeNull();
  });

  it('prompts use only placeholders their passes fill', () => {
    const provided: Record<string, string[]> = {
      'draft-sections': ['title', 'path', 'document', 'sections', 'context'],
      clarify: ['title', 'path', 'document', 'ambiguities', 'today'],
      'ears-rewrite': ['id', 'title', 'statement', 'problems', 'scenarios'],
      specify: ['title', 'kind', 'template', 'documents', 'existing'],
      plan: ['title', 'kind', 'requirements', 'documents'],
      'fix-plan': ['title', 'kind', 'requirements', 'documents'],
      tasks: ['title', 'requirements', 'documents'],
      verify: ['requirements', 'documents'],
      'bug-behaviour': ['title', 'documents', 'existing'],
      'docs-polish': ['path', 'section', 'text'],
      'review-summary': ['title', 'findings'],
    };
    const prompts = readdirSync(PROMPTS).map((f) => f.replace(/\.md$/, ''));
    expect(prompts.sort()).toEqual(Object.keys(provided).sort());
    for (const name of prompts) {
      const used = placeholdersOf(readFileSync(path.join(PROMPTS, `${name}.md`), 'utf8'));
      expect(
        used.filter((p) => !provided[name]?.includes(p)),
        name,
      ).toEqual([]);
    }
  });
});
