// Drift reports as text (people), JSON (scripts) and SARIF 2.1.0 (code-scanning UIs, CI).
import type { CoverageRow, DriftAnalysis, DriftFinding, FindingKind } from './analyze.ts';

export interface ReportStats {
  specs: number;
  requirements: number;
  commitsIndexed: number;
  newCommitsIndexed: number;
  indexMs: number;
  analyzeMs: number;
}

export interface DriftReport extends DriftAnalysis {
  stats: ReportStats;
  baselineProblem: string | null;
}

const RULES: Record<FindingKind, { name: string; text: string }> = {
  'code-drift': {
    name: 'CodeChangedSinceSpec',
    text: 'Code a spec covers changed in commits the spec has not caught up with.',
  },
  'spec-ahead': {
    name: 'SpecChangedWithoutCode',
    text: 'A spec changed and no code it covers changed after it.',
  },
  'untested-requirement': { name: 'UntestedRequirement', text: 'No test cites this requirement.' },
  'unknown-requirement': {
    name: 'UnknownRequirement',
    text: 'Code or a test cites a requirement ID no spec defines.',
  },
  'removed-requirement': {
    name: 'RemovedRequirement',
    text: 'Code or a test cites a requirement that was removed from its spec.',
  },
  'covers-nothing': { name: 'CoversMatchNothing', text: "A spec's covers globs match no file." },
};

export function formatText(report: DriftReport, options: { showAccepted?: boolean } = {}): string {
  const lines: string[] = [];
  const fresh = report.findings.filter((f) => f.state === 'new');
  const accepted = report.findings.length - fresh.length;
  lines.push(
    `Drift at ${report.head.slice(0, 8)}${report.since ? ` since ${report.since}` : ''}: ` +
      `${fresh.length} new finding${fresh.length === 1 ? '' : 's'}, ${accepted} accepted ` +
      `(${report.stats.specs} specs, ${report.stats.requirements} requirements, ${report.stats.commitsIndexed} commits).`,
  );
  if (report.baselineProblem) lines.push(`! baseline: ${report.baselineProblem}`);
  const shown = options.showAccepted ? report.findings : fresh;
  for (const f of shown) {
    lines.push('');
    lines.push(
      `${f.severity.toUpperCase()} ${f.kind}${f.state === 'accepted' ? ' (accepted)' : ''}  [${f.key}]`,
    );
    lines.push(`  ${f.message}`);
  }
  const rows = report.coverage;
  if (rows.length > 0) {
    lines.push('', 'Coverage (requirement: code files / test files):');
    for (const row of rows) lines.push(`  ${coverageLine(row)}`);
  }
  return lines.join('\n');
}

function coverageLine(row: CoverageRow): string {
  const mark = row.tests.length > 0 ? 'tested' : row.code.length > 0 ? 'no test' : 'not cited';
  return `${row.id.padEnd(12)} ${String(row.code.length).padStart(3)} / ${String(row.tests.length).padEnd(3)} ${mark.padEnd(9)} ${row.spec}`;
}

export function formatJson(report: DriftReport): string {
  return JSON.stringify(report, null, 2);
}

const LEVEL = { error: 'error', warning: 'warning', note: 'note' } as const;

export function formatSarif(report: DriftReport, toolVersion: string): string {
  const kinds = Object.keys(RULES) as FindingKind[];
  const result = (f: DriftFinding) => ({
    ruleId: f.kind,
    ruleIndex: kinds.indexOf(f.kind),
    level: LEVEL[f.severity],
    message: { text: f.message },
    baselineState: f.state === 'new' ? 'new' : 'unchanged',
    ...(f.state === 'accepted'
      ? {
          suppressions: [
            { kind: 'external', justification: 'accepted in .cairn/drift-baseline.yaml' },
          ],
        }
      : {}),
    partialFingerprints: { cairnFindingKey: f.key },
    locations: locationsOf(f).map((uri) => ({
      physicalLocation: { artifactLocation: { uri, uriBaseId: 'SRCROOT' } },
    })),
    properties: {
      evidence: f.evidence,
      newEvidence: f.newEvidence,
      ...(f.requirement ? { requirement: f.requirement } : {}),
      ...(f.commits.length > 0 ? { commits: f.commits.map((c) => c.oid) } : {}),
    },
  });
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'Cairn',
            version: toolVersion,
            rules: kinds.map((id) => ({
              id,
              name: RULES[id].name,
              shortDescription: { text: RULES[id].text },
            })),
          },
        },
        versionControlProvenance: [{ repositoryUri: 'file:///', revisionId: report.head }],
        results: report.findings.map(result),
      },
    ],
  };
  return JSON.stringify(sarif, null, 2);
}

function locationsOf(f: DriftFinding): string[] {
  const uris = [...(f.spec ? [f.spec] : []), ...f.paths];
  return [...new Set(uris)].slice(0, 10);
}
