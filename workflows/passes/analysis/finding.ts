import type { Range } from '../../specs/model.ts';

export type AnalysisSeverity = 'CRITICAL' | 'HIGH' | 'MEDIUM' | 'LOW';

export const ANALYSIS_SEVERITIES: readonly AnalysisSeverity[] = [
  'CRITICAL',
  'HIGH',
  'MEDIUM',
  'LOW',
];

export type AnalysisCategory =
  'duplication' | 'ambiguity' | 'underspecification' | 'coverage' | 'inconsistency';

/** One finding of the consistency analysis, in the shape of Spec Kit's analyze report. */
export interface AnalysisFinding {
  /** Stable: `DUP-3F9A2C` (see support/stable-id.ts). */
  id: string;
  category: AnalysisCategory;
  severity: AnalysisSeverity;
  path: string;
  range: Range;
  requirementId: string | null;
  summary: string;
  recommendation: string;
}
