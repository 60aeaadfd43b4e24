// What the Assist panel asks of the core, on one document: which sections can still be
// drafted, and runs of the draft, clarify and EARS passes through the workflow engine (so every
// model call is recorded and every result is a proposed change), then the user's decisions:
// accept or reject a change, answer the questions.
import fs from 'node:fs';
import path from 'node:path';
import type { RunState } from '../../../workflows/engine/run-state.ts';
import type { PassRecord, ProposedChange } from '../../../workflows/engine/run-state.ts';
import type { Question } from '../../../workflows/engine/pass.ts';
import { RunStateError } from '../../../workflows/engine/engine.ts';
import { draftableSections } from '../../../workflows/passes/draft-sections.ts';
import {
  findSection,
  sectionBody,
  toLines,
} from '../../../workflows/passes/support/markdown-lines.ts';
import { itemTemplateValues } from '../../../workflows/passes/support/work-item.ts';
import { parseFrontmatter } from '../../../workflows/specs/frontmatter.ts';
import { CairnFailure } from '../../ipc/failure.ts';
import { DOCUMENT_TYPES, type DocumentType } from '../specs/create-from-template.ts';
import type { WorkItem } from '../workflows/work-item-store.ts';
import type { WorkflowsService } from '../workflows/workflows-service.ts';
import { assistWorkflow, type AssistAction } from './assist-workflows.ts';

export interface AssistRequest {
  root: string;
  path: string;
  modelId: string;
  section?: string | null;
}

export interface RunHooks {
  signal: AbortSignal;
  onStarted(runId: string): void;
  onText(chunk: string): void;
}

/** How a run ended: its pass's record and proposed changes, or why there are none. */
export type RunOutcome =
  | { kind: 'done'; runId: string; record: PassRecord; changes: ProposedChange[] }
  | { kind: 'stopped'; runId: string }
  | { kind: 'waiting'; runId: string; message: string }
  | { kind: 'failed'; runId: string; message: string };

export interface DraftProposal {
  changeId: string | null;
  summary: string;
  sections: { heading: string; body: string }[];
}

export interface EarsProposals {
  summary: string;
  rewrites: {
    changeId: string;
    requirementId: string;
    before: string;
    after: string;
    pattern: string;
  }[];
  rejected: { requirementId: string; proposed: string; reason: string }[];
  notRewritten: string[];
}

interface DocumentFacts {
  text: string;
  type: DocumentType | null;
  title: string;
  folder: string | null;
}

export class AssistService {
  constructor(private readonly workflows: WorkflowsService) {}

  /** The sections of a document a draft would write: empty, or still the template's text. */
  sections(root: string, rel: string): { type: DocumentType | null; sections: string[] } {
    const facts = readDocument(root, rel);
    const template = facts.type ? this.workflows.catalog(root).templates[facts.type] : undefined;
    const values = itemTemplateValues({
      id: '',
      kind: 'feature',
      title: facts.title,
      folder: facts.folder,
    });
    return {
      type: facts.type,
      sections: draftableSections(facts.text, template ?? null, values).map((s) => s.title),
    };
  }

  /** Runs one assist pass over a document; stopping (the signal) cancels the run. */
  async run(action: AssistAction, request: AssistRequest, hooks: RunHooks): Promise<RunOutcome> {
    const { root, path: rel, modelId } = request;
    const facts = readDocument(root, rel);
    const catalog = this.workflows.catalog(root);
    const workflow = assistWorkflow(action, catalog, {
      path: rel,
      type: facts.type,
      section: request.section ?? null,
    });
    const engine = this.workflows.engine(
      root,
      modelId,
      (event) => {
        if (event.type === 'text') hooks.onText(event.chunk);
      },
      catalog,
    );
    const run = engine.start({
      workflow,
      item: this.itemFor(root, facts),
      workspaceRoot: root,
      model: modelId,
    });
    hooks.onStarted(run.id);
    const after = await engine.advance(run.id, { signal: hooks.signal });
    if (hooks.signal.aborted) {
      engine.cancel(run.id);
      return { kind: 'stopped', runId: run.id };
    }
    return this.outcome(after);
  }

  draftProposal(outcome: Extract<RunOutcome, { kind: 'done' }>): DraftProposal {
    const change = outcome.changes[0] ?? null;
    const drafted = (outcome.record.result?.output as { drafted?: string[] }).drafted ?? [];
    const lines = change ? toLines(change.after).lines : [];
    return {
      changeId: change?.id ?? null,
      summary: outcome.record.result?.summary ?? '',
      sections: drafted.map((heading) => {
        const section = findSection(lines, heading);
        return { heading, body: section ? sectionBody(lines, section) : '' };
      }),
    };
  }

  questions(outcome: Extract<RunOutcome, { kind: 'done' }>): Question[] {
    return outcome.record.result?.questions ?? [];
  }

  earsProposals(outcome: Extract<RunOutcome, { kind: 'done' }>): EarsProposals {
    const output = outcome.record.result?.output as Omit<EarsProposals, 'summary' | 'rewrites'> & {
      rewrites: Omit<EarsProposals['rewrites'][number], 'changeId'>[];
    };
    // The pass proposes one change per rewrite, summarised `REQ-…: rewrite as …`.
    const rewrites = output.rewrites.flatMap((rewrite) => {
      const change = outcome.changes.find((c) => c.summary.startsWith(`${rewrite.requirementId}:`));
      return change ? [{ ...rewrite, changeId: change.id }] : [];
    });
    return {
      summary: outcome.record.result?.summary ?? '',
      rewrites,
      rejected: output.rejected.map(({ requirementId, proposed, reason }) => ({
        requirementId,
        proposed,
        reason,
      })),
      notRewritten: output.notRewritten,
    };
  }

  /** Writes (atomically, merged if the file moved on) or drops a proposed change. */
  async decide(
    changeId: string,
    accept: boolean,
  ): Promise<{ status: 'accepted' | 'rejected' | 'stale'; path: string; message: string | null }> {
    const change = this.workflows.runs.getChange(changeId);
    if (!change) throw new CairnFailure('not_found', `There is no proposed change ${changeId}.`);
    const run = this.workflows.requireRun(change.runId);
    const engine = this.workflows.engine(run.workspaceRoot, null);
    try {
      if (accept) await engine.acceptChange(changeId);
      else engine.rejectChange(changeId);
      return { status: accept ? 'accepted' : 'rejected', path: change.path, message: null };
    } catch (error) {
      if (!(error instanceof RunStateError)) throw error;
      const now = this.workflows.runs.getChange(changeId);
      if (now?.status === 'stale')
        return { status: 'stale', path: change.path, message: error.message };
      throw new CairnFailure('invalid_input', error.message);
    }
  }

  /**
   * Answers the questions a clarify run waits with (null: skipped), records the answers in the
   * document under `## Clarifications`, and finishes the run.
   */
  async answer(
    runId: string,
    answers: Record<string, string | null>,
  ): Promise<{ path: string; recorded: number; skipped: number; message: string | null }> {
    const run = this.workflows.requireRun(runId);
    const given = Object.fromEntries(
      Object.entries(answers).filter((e): e is [string, string] => e[1] !== null),
    );
    const skipped = Object.keys(answers).filter((id) => answers[id] === null);
    const engine = this.workflows.engineFor(run);
    try {
      await engine.approve(runId, given, { skipped });
    } catch (error) {
      if (error instanceof RunStateError) throw new CairnFailure('invalid_input', error.message);
      throw error;
    }
    const stale: string[] = [];
    await engine.acceptPending(runId, { onRefused: (_id, reason) => stale.push(reason) });
    await engine.advance(runId);
    const path = run.definition.passes[0]?.output ?? '';
    return {
      path,
      recorded: Object.keys(given).length,
      skipped: skipped.length,
      message: stale[0] ?? null,
    };
  }

  private outcome(run: RunState): RunOutcome {
    const record = this.workflows.runs.passRecords(run.id).at(-1);
    if (
      (run.status === 'completed' || run.status === 'waiting') &&
      record?.status === 'completed'
    ) {
      return { kind: 'done', runId: run.id, record, changes: this.workflows.runs.changes(run.id) };
    }
    const message = run.error ?? `The run ended ${run.status}.`;
    if (run.status === 'deferred' || run.status === 'blocked') {
      return { kind: 'waiting', runId: run.id, message };
    }
    return { kind: 'failed', runId: run.id, message };
  }

  /** The work item of the document's folder; made on first use, named after the document. */
  private itemFor(root: string, facts: DocumentFacts): WorkItem {
    const known = this.workflows.items.list(root).find((i) => i.folder === facts.folder);
    return (
      known ??
      this.workflows.items.create({
        kind: 'feature',
        title: facts.title.replace(/\s+—\s+(requirements|design|tasks)$/i, ''),
        folder: facts.folder,
        workspaceRoot: root,
      })
    );
  }
}

function readDocument(root: string, rel: string): DocumentFacts {
  let text: string;
  try {
    text = fs.readFileSync(path.join(root, rel), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new CairnFailure('not_found', `${rel} does not exist in the workspace.`);
    }
    throw error;
  }
  const data = parseFrontmatter(text).frontmatter?.data ?? {};
  const declared = String(data['type'] ?? path.posix.basename(rel, '.md'));
  const type = (DOCUMENT_TYPES as readonly string[]).includes(declared)
    ? (declared as DocumentType)
    : null;
  const heading = /^#\s+(.+)$/m.exec(text)?.[1];
  const title = typeof data['title'] === 'string' ? data['title'] : (heading ?? rel);
  const folder = rel.includes('/') ? rel.slice(0, rel.lastIndexOf('/')) : null;
  return { text, type, title: title.trim(), folder };
}
