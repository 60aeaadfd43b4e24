// The one-pass workflows behind the Assist panel: the draft, clarify and EARS passes of the
// team's `prd-draft` workflow (its prompts, token bounds, cache and routing), pointed at one
// document. Runs of them are ordinary runs: stored, recorded, and listed with the others.
import type {
  InputDefinition,
  PassDefinition,
  WorkflowDefinition,
} from '../../../workflows/engine/definition.ts';
import { WorkflowSchema } from '../../../workflows/engine/definition.ts';
import type { WorkflowCatalog } from '../workflows/workflow-catalog.ts';

export type AssistAction = 'draft' | 'clarify' | 'ears';

export interface AssistDocument {
  path: string;
  /** The template the document came from (prd, requirements, design, tasks), if any. */
  type: 'prd' | 'requirements' | 'design' | 'tasks' | null;
  /** Only this section (draft); all that still hold template text when absent. */
  section?: string | null;
}

const PASSES: Record<AssistAction, { id: string; uses: string; title: string; maxTokens: number }> =
  {
    draft: { id: 'draft', uses: 'draft-sections', title: 'Draft sections', maxTokens: 3072 },
    clarify: { id: 'clarify', uses: 'clarify', title: 'Clarifying questions', maxTokens: 3584 },
    ears: { id: 'ears', uses: 'ears-rewrite', title: 'EARS rewrites', maxTokens: 512 },
  };

/** The team's settings for a pass implementation: from `prd-draft` first, else any workflow. */
function teamPass(catalog: WorkflowCatalog, uses: string): PassDefinition | undefined {
  const workflows = [...catalog.workflows.values()].map((e) => e.definition);
  const ordered = [
    ...workflows.filter((w) => w.id === 'prd-draft'),
    ...workflows.filter((w) => w.id !== 'prd-draft'),
  ];
  for (const workflow of ordered) {
    const pass = workflow.passes.find((p) => p.uses === uses);
    if (pass) return pass;
  }
  return undefined;
}

export function assistWorkflow(
  action: AssistAction,
  catalog: WorkflowCatalog,
  document: AssistDocument,
): WorkflowDefinition {
  const spec = PASSES[action];
  const team = teamPass(catalog, spec.uses);
  const folder = document.path.includes('/')
    ? document.path.slice(0, document.path.lastIndexOf('/'))
    : '';
  const inputs: InputDefinition[] =
    action === 'draft'
      ? [
          ...(document.type ? [{ template: document.type }] : []),
          { documents: [document.path, folder ? `${folder}/**/*.md` : '*.md'], optional: false },
          ...(document.section
            ? [{ section: { documents: document.path, heading: document.section } }]
            : []),
        ]
      : [{ documents: document.path, optional: false }];
  return WorkflowSchema.parse({
    id: `assist-${action}`,
    title: `${spec.title} (Assist panel)`,
    description: `${spec.title} of ${document.path}, started from the Assist panel.`,
    items: ['feature', 'docs'],
    passes: [
      {
        id: spec.id,
        uses: spec.uses,
        title: spec.title,
        prompt: team?.prompt ?? spec.uses,
        max_tokens: team?.max_tokens ?? spec.maxTokens,
        cache: team?.cache ?? 'off',
        ...(team?.routing ? { routing: team.routing } : {}),
        ...(team?.escalate ? { escalate: team.escalate, escalate_to: team.escalate_to } : {}),
        ...(team?.min_confidence !== undefined ? { min_confidence: team.min_confidence } : {}),
        inputs,
        ...(action === 'ears' ? {} : { output: document.path }),
        ...(action === 'clarify' ? { gate: { human: true } } : {}),
      },
    ],
  });
}
