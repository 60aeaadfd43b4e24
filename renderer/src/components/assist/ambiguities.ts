// The vague wording of one document as the ambiguity pass finds it (the linter's word rules),
// computed here from the text being edited, one line per phrase, in reading order.
import {
  findAmbiguities,
  type AmbiguityKind,
} from '../../../../workflows/passes/analysis/ambiguity.ts';
import { parseWorkspace } from '../../../../workflows/specs/parse-workspace.ts';

export interface VaguePhrase {
  kind: AmbiguityKind;
  text: string;
  line: number;
  column: number;
  message: string;
  requirementId: string | null;
}

export const KIND_WORDS: Record<AmbiguityKind, string> = {
  'vague-word': 'vague word',
  'weak-modal': 'weak "should/may"',
  'and-or': 'and/or',
  unmeasured: 'no number',
  'open-marker': 'open question',
};

export function vaguePhrases(path: string, text: string): VaguePhrase[] {
  const workspace = parseWorkspace({ files: [{ path, text }], paths: [path] });
  const report = findAmbiguities(workspace, new Map([[path, text]]), workspace.documents);
  const phrases = [
    ...report.requirements.flatMap((r) =>
      r.issues.map((issue) => ({ issue, requirementId: r.requirementId })),
    ),
    ...report.elsewhere.map((issue) => ({ issue, requirementId: null })),
  ].map(({ issue, requirementId }) => ({
    kind: issue.kind,
    text: issue.text,
    line: issue.range.start.line,
    column: issue.range.start.column,
    message: issue.message,
    requirementId,
  }));
  return phrases.sort((a, b) => a.line - b.line || a.column - b.column);
}
