import path from 'node:path';
import type { FolderLint } from '../../services/specs/lint-folder.ts';

/** `file:line:col: severity RULE-ID message`, one per line, then a summary. */
export function formatLintText(lint: FolderLint, cwd: string): string[] {
  const lines = lint.result.findings.map((f) => {
    const file = path.relative(cwd, path.join(lint.root, f.path)) || f.path;
    const fix = f.fix ? ` (fix: ${f.fix.description})` : '';
    return `${file}:${f.range.start.line}:${f.range.start.column}: ${f.severity} ${f.ruleId} ${f.message}${fix}`;
  });
  const { error, warning, info } = lint.result.counts;
  const documents = lint.workspace.documents.length;
  const layouts = lint.workspace.layouts.join(', ') || 'none found';
  lines.push(
    `${error} error${error === 1 ? '' : 's'}, ${warning} warning${warning === 1 ? '' : 's'}, ${info} info in ${documents} spec file${documents === 1 ? '' : 's'} (layouts: ${layouts}).`,
  );
  return lines;
}
