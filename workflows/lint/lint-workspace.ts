import type { Workspace } from '../specs/model.ts';
import {
  clampRange,
  comparePositions,
  FILE_START,
  normalizeSource,
  splitLines,
} from '../specs/source-text.ts';
import { CONFIG_PATH, type LintLevel } from '../specs/workspace-config.ts';
import type { Finding, Severity } from './finding.ts';
import { RULES } from './rules/index.ts';

export interface LintOptions {
  /** Rule IDs or ID prefixes to run (`OSPEC` for OpenSpec parity only); all when absent. */
  only?: readonly string[];
  /** Pull every range back inside its file (default). Tests turn it off to catch bad ranges. */
  clampRanges?: boolean;
  /** Keep findings about these files only; the others are dropped as they are reported. */
  files?: ReadonlySet<string>;
}

export interface LintResult {
  findings: Finding[];
  counts: Record<Severity, number>;
}

/** Runs every enabled rule over a parsed workspace; findings come sorted by file and place. */
export function lintWorkspace(workspace: Workspace, options: LintOptions = {}): LintResult {
  const levels: Record<string, LintLevel> = workspace.settings?.config.rules ?? {};
  const lineLengths = lineLengthsByPath(workspace);
  const findings: Finding[] = [];
  for (const rule of RULES) {
    const level = levels[rule.id];
    if (level === 'off') continue;
    if (options.only && !options.only.some((p) => rule.id === p || rule.id.startsWith(p + '-'))) {
      continue;
    }
    const report = (f: Parameters<Parameters<typeof rule.check>[1]>[0]) => {
      if (options.files && !options.files.has(f.path)) return;
      const lengths = lineLengths.get(f.path);
      const range =
        options.clampRanges === false || !lengths ? f.range : clampRange(f.range, lengths);
      findings.push({
        ...f,
        ruleId: rule.id,
        severity: level ?? f.severity ?? rule.defaultSeverity,
        range,
      });
    };
    try {
      rule.check(workspace, report);
    } catch (error) {
      // A rule bug must not cost the user every other finding.
      findings.push({
        ruleId: rule.id,
        severity: 'error',
        path: workspace.documents[0]?.path ?? CONFIG_PATH,
        range: FILE_START,
        message: `Rule ${rule.id} failed (${(error as Error).message}); its findings are missing. Please report this.`,
      });
    }
  }
  findings.sort(compareFindings);
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return { findings, counts };
}

function lineLengthsByPath(workspace: Workspace): Map<string, number[]> {
  const map = new Map(workspace.documents.map((d) => [d.path, d.lineLengths]));
  if (workspace.config) {
    map.set(
      CONFIG_PATH,
      splitLines(normalizeSource(workspace.config.text)).map((l) => l.length),
    );
  }
  return map;
}

export function compareFindings(a: Finding, b: Finding): number {
  if (a.path !== b.path) return a.path < b.path ? -1 : 1;
  return (
    comparePositions(a.range.start, b.range.start) ||
    (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0) ||
    (a.message < b.message ? -1 : a.message > b.message ? 1 : 0)
  );
}
