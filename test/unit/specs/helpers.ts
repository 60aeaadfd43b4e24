import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { lintWorkspace, type LintOptions } from '../../../workflows/lint/lint-workspace.ts';
import type { Finding } from '../../../workflows/lint/finding.ts';
import type { Workspace } from '../../../workflows/specs/model.ts';
import { parseWorkspace } from '../../../workflows/specs/parse-workspace.ts';
import { readWorkspaceFiles } from '../../../electron/services/specs/read-workspace-files.ts';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const SAMPLE = path.join(REPO, 'resources/sample-workspace');
export const FIXTURES = path.join(REPO, 'test/fixtures');

/** A workspace from in-memory files; every file path also counts as present on disk. */
export function workspaceOf(files: Record<string, string>, extraPaths: string[] = []): Workspace {
  return parseWorkspace({
    files: Object.entries(files).map(([p, text]) => ({ path: p, text })),
    paths: [...Object.keys(files), ...extraPaths],
  });
}

export function lint(
  files: Record<string, string>,
  options: LintOptions & { extraPaths?: string[] } = {},
): Finding[] {
  return lintWorkspace(workspaceOf(files, options.extraPaths), { clampRanges: false, ...options })
    .findings;
}

/** Findings of one rule, as `line:col-line:col message` strings: compact exact assertions. */
export function findingsOf(findings: readonly Finding[], ruleId: string): string[] {
  return findings
    .filter((f) => f.ruleId === ruleId)
    .map(
      (f) =>
        `${f.path}:${f.range.start.line}:${f.range.start.column}-${f.range.end.line}:${f.range.end.column} ${f.severity}`,
    );
}

export async function loadFolder(root: string): Promise<Workspace> {
  return parseWorkspace(await readWorkspaceFiles(root));
}

/** A minimal Cairn requirements document around `body`. */
export function requirementsDoc(body: string): string {
  return `---\nid: SPEC-x\ntitle: X\ntype: requirements\n---\n\n# X\n\n## Requirements\n\n${body}`;
}
