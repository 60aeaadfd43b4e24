import type { Range, Workspace } from '../specs/model.ts';

export type Severity = 'error' | 'warning' | 'info';

export const SEVERITY_RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 };

export interface TextEdit {
  range: Range;
  newText: string;
}

/** A mechanical fix: edits that can be applied without judgement. */
export interface Fix {
  description: string;
  edits: TextEdit[];
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  message: string;
  path: string;
  range: Range;
  fix?: Fix;
  /** The requirement the finding is about, when there is one. */
  requirementId?: string;
}

/** What a rule reports; the linter adds the rule ID and the configured severity. */
export type Report = Omit<Finding, 'ruleId' | 'severity'> & {
  /** A rule may report below or above its default (OpenSpec's deltas, say). */
  severity?: Severity;
};

export interface Rule {
  /** Stable ID, used in config files, SARIF and suppressions: never renumber. */
  id: string;
  /** A short kebab-case name. */
  name: string;
  defaultSeverity: Severity;
  summary: string;
  /** Mirrors a check of `openspec validate` (see resources/lint-rules.md). */
  openspecParity?: boolean;
  check(workspace: Workspace, report: (finding: Report) => void): void;
}
