// The Review view's semantic diff: two versions of the workspace (git refs, or the files as they
// are now), each parsed into the spec model, compared requirement by requirement with the same
// pure diff `cairn diff` prints (workflows/diff/diff-workspaces.ts). Each change carries the
// texts a reviewer reads (statement and scenario steps, before and after) so the view can show
// what changed inside them.
import type { RequirementChange, SpecDiff } from '../../../workflows/diff/diff-workspaces.ts';
import { diffWorkspaces } from '../../../workflows/diff/diff-workspaces.ts';
import type { Requirement, Workspace } from '../../../workflows/specs/model.ts';
import { parseWorkspace } from '../../../workflows/specs/parse-workspace.ts';
import { locateRepository, requireRepository } from '../repo/repository.ts';
import { readWorkspaceAt } from '../repo/specs-at.ts';
import { readWorkspaceFiles } from '../specs/read-workspace-files.ts';

export type VersionSpec = { kind: 'working-tree' } | { kind: 'ref'; ref: string };

export interface LoadedVersion {
  /** What the reviewer picked, in words: `main`, `3f2a9c1e`, `my current files`. */
  label: string;
  /** The commit, or null for the working tree. */
  oid: string | null;
  workspace: Workspace;
}

export interface RequirementText {
  id: string;
  title: string;
  path: string;
  line: number;
  statement: string;
  scenarios: { name: string; text: string }[];
}

export interface ReviewChange extends Omit<RequirementChange, 'before' | 'after'> {
  before: RequirementText | null;
  after: RequirementText | null;
}

export interface ReviewDiff {
  from: { label: string; oid: string | null };
  to: { label: string; oid: string | null };
  changes: ReviewChange[];
  counts: SpecDiff['counts'];
  unchanged: number;
  /** Every requirement of the newer version, for comments on those that did not change. */
  requirements: { id: string; title: string; path: string; line: number }[];
}

export async function loadVersion(root: string, version: VersionSpec): Promise<LoadedVersion> {
  if (version.kind === 'working-tree') {
    const repo = await locateRepository(root);
    return {
      label: repo ? 'my current files' : 'the files in the folder',
      oid: null,
      workspace: parseWorkspace(await readWorkspaceFiles(root)),
    };
  }
  const repo = await requireRepository(root);
  const { oid, input } = await readWorkspaceAt(repo, version.ref);
  const label = /^[0-9a-f]{40}$/i.test(version.ref) ? version.ref.slice(0, 8) : version.ref;
  return { label, oid, workspace: parseWorkspace(input) };
}

export async function diffVersions(
  root: string,
  from: VersionSpec,
  to: VersionSpec,
): Promise<ReviewDiff> {
  const [a, b] = await Promise.all([loadVersion(root, from), loadVersion(root, to)]);
  const diff = diffWorkspaces(a.workspace, b.workspace);
  const before = indexRequirements(a.workspace);
  const after = indexRequirements(b.workspace);
  return {
    from: { label: a.label, oid: a.oid },
    to: { label: b.label, oid: b.oid },
    changes: diff.changes.map((c) => ({
      ...c,
      before: c.before ? textOf(before.get(`${c.before.path}#${c.before.id}`), c.before) : null,
      after: c.after ? textOf(after.get(`${c.after.path}#${c.after.id}`), c.after) : null,
    })),
    counts: diff.counts,
    unchanged: diff.unchanged,
    requirements: [...after.values()].map((r) => ({
      id: r.id,
      title: r.title,
      path: r.path,
      line: r.headingRange.start.line,
    })),
  };
}

function indexRequirements(workspace: Workspace): Map<string, Requirement> {
  const map = new Map<string, Requirement>();
  for (const doc of workspace.documents)
    for (const r of doc.requirements) {
      const key = `${r.path}#${r.id}`;
      if (!map.has(key)) map.set(key, r);
    }
  return map;
}

function textOf(
  requirement: Requirement | undefined,
  summary: NonNullable<RequirementChange['before']>,
): RequirementText {
  return {
    ...summary,
    scenarios:
      requirement?.scenarios.map((s) => ({
        name: s.name,
        text: s.steps.map((t) => `${t.keyword} ${t.text}`).join('\n'),
      })) ?? [],
  };
}
