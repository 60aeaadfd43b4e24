// A new spec document from one of the templates (resources/templates/, or the team's): filled
// with the title, a slug that keeps the document ID unique in the workspace, and a fresh
// requirement ID; written atomically, and never over a file that is already there.
import fs from 'node:fs';
import path from 'node:path';
import { renderPrompt } from '../../../workflows/passes/render-prompt.ts';
import { slugify } from '../../../workflows/passes/support/work-item.ts';
import { parseFrontmatter } from '../../../workflows/specs/frontmatter.ts';
import { newRequirementId } from '../../../workflows/specs/ids.ts';
import { parseWorkspace } from '../../../workflows/specs/parse-workspace.ts';
import { CairnFailure } from '../../ipc/failure.ts';
import { writeFileAtomic } from '../files/atomic-write.ts';
import { readWorkspaceFiles } from './read-workspace-files.ts';

export const DOCUMENT_TYPES = ['prd', 'requirements', 'design', 'tasks'] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

export interface NewDocument {
  type: DocumentType;
  title: string;
  /** Relative to the workspace root (`specs/shared-checklists`). */
  folder: string;
}

export async function createFromTemplate(
  root: string,
  templates: Readonly<Record<string, string>>,
  request: NewDocument,
): Promise<{ path: string; id: string | null; text: string }> {
  const title = request.title.replace(/\s+/g, ' ').trim();
  const folder = request.folder.trim().replace(/^\/+|\/+$/g, '');
  const rel = `${folder}/${request.type}.md`;
  const full = path.resolve(root, rel);
  if (path.relative(root, full).startsWith('..')) {
    throw new CairnFailure('invalid_input', `The folder '${folder}' is outside the workspace.`);
  }
  const template = templates[request.type];
  if (template === undefined) {
    throw new CairnFailure('not_found', `There is no '${request.type}' template.`);
  }
  if (fs.existsSync(full)) throw exists(rel);
  const workspace = parseWorkspace(await readWorkspaceFiles(root));
  const documentIds = new Set(
    workspace.documents
      .map((d) => d.frontmatter?.data['id'])
      .filter((id) => typeof id === 'string'),
  );
  const requirementIds = new Set(
    workspace.documents.flatMap((d) => d.requirements.map((r) => r.id)),
  );
  const base = slugify(folder.split('/').pop() ?? '') || slugify(title) || request.type;
  const values = { title, owner: '', 'requirement-id': newRequirementId(requirementIds) };
  // `PRD-{{slug}}` must name no other document: a second feature with the same folder name
  // elsewhere gets `-2`, `-3`…
  let text = '';
  let id: string | null = null;
  for (let n = 1; n <= 100; n++) {
    text = renderPrompt(
      template,
      { ...values, slug: n === 1 ? base : `${base}-${n}` },
      request.type,
    );
    const data = parseFrontmatter(text).frontmatter?.data;
    id = typeof data?.['id'] === 'string' ? data['id'] : null;
    if (id === null || !documentIds.has(id)) break;
  }
  try {
    writeFileAtomic(full, text, { exclusive: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw exists(rel);
    throw error;
  }
  return { path: rel, id, text };
}

const exists = (rel: string) =>
  new CairnFailure(
    'invalid_input',
    `${rel} already exists, and Cairn never writes over a document. Open it, or choose another folder.`,
  );
