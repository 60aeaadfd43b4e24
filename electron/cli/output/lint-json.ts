import type { FolderLint } from '../../services/specs/lint-folder.ts';

/** A stable JSON report; paths are relative to `root`, ranges 1-based with exclusive ends. */
export function formatLintJson(lint: FolderLint): string {
  return JSON.stringify(
    {
      version: 1,
      root: lint.root,
      layouts: lint.workspace.layouts,
      documents: lint.workspace.documents.length,
      requirements: lint.workspace.documents.reduce((n, d) => n + d.requirements.length, 0),
      counts: lint.result.counts,
      findings: lint.result.findings,
    },
    null,
    2,
  );
}
