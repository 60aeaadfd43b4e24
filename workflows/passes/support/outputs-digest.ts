// Earlier pass outputs (by pass ID) as a few lines a prompt can carry, recognised by shape:
// analyze (findings + coverage), lint (findings + counts), ambiguity, coverage.

export interface Blockers {
  criticalFindings: number;
  lintErrors: number;
}

const MAX_FINDINGS = 8;

export function digestOutputs(outputs: Record<string, unknown>): {
  text: string;
  blockers: Blockers;
} {
  const lines: string[] = [];
  const blockers: Blockers = { criticalFindings: 0, lintErrors: 0 };
  for (const [passId, output] of Object.entries(outputs)) {
    if (typeof output !== 'object' || output === null) continue;
    const o = output as Record<string, unknown>;
    if (Array.isArray(o['findings']) && o['coverage']) {
      const findings = o['findings'] as { id: string; severity: string; summary: string }[];
      blockers.criticalFindings += findings.filter((f) => f.severity === 'CRITICAL').length;
      const coverage = o['coverage'] as { coveragePercent: number; uncoveredRequirements: number };
      lines.push(
        `${passId} (analysis): ${findings.length} findings; coverage ${coverage.coveragePercent}%`,
      );
      for (const f of findings.slice(0, MAX_FINDINGS))
        lines.push(`- ${f.severity} ${f.id}: ${f.summary}`);
    } else if (Array.isArray(o['findings']) && o['counts']) {
      const counts = o['counts'] as { error: number; warning: number };
      blockers.lintErrors += counts.error;
      lines.push(`${passId} (lint): ${counts.error} errors, ${counts.warning} warnings`);
      const findings = o['findings'] as { severity: string; ruleId: string; message: string }[];
      for (const f of findings.filter((x) => x.severity === 'error').slice(0, MAX_FINDINGS)) {
        lines.push(`- ${f.ruleId}: ${f.message}`);
      }
    } else if (Array.isArray(o['requirements']) && Array.isArray(o['elsewhere'])) {
      const requirements = o['requirements'] as {
        requirementId: string;
        issues: { text: string }[];
      }[];
      lines.push(`${passId} (ambiguity): ${requirements.length} ambiguous requirements`);
      for (const r of requirements.slice(0, MAX_FINDINGS)) {
        lines.push(`- ${r.requirementId}: ${r.issues.map((i) => `"${i.text}"`).join(', ')}`);
      }
    } else if (Array.isArray(o['rows']) && typeof o['coveragePercent'] === 'number') {
      lines.push(
        `${passId} (coverage): ${o['coveragePercent']}% covered, ${String(o['uncoveredRequirements'])} requirements without a task`,
      );
    }
  }
  return { text: lines.length > 0 ? lines.join('\n') : '(no earlier results)', blockers };
}
