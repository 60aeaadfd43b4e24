import type { PassContext } from '../../engine/pass.ts';
import { findAmbiguities } from '../analysis/ambiguity.ts';

/** The ambiguous phrases of one document, one line each, for a prompt. */
export function ambiguityDigest(context: PassContext, path: string, limit = 15): string {
  const document = context.workspace.documents.find((d) => d.path === path);
  if (!document) return '(none found)';
  const report = findAmbiguities(context.workspace, context.files, [document]);
  const lines = [
    ...report.requirements.flatMap((r) =>
      r.issues.map((i) => `- ${r.requirementId}: "${i.text}" (${i.kind})`),
    ),
    ...report.elsewhere.map((i) => `- line ${i.range.start.line}: "${i.text}" (${i.kind})`),
  ];
  if (lines.length === 0) return '(none found)';
  return lines.slice(0, limit).join('\n');
}
