import type { LintFinding } from '../../../electron/ipc/contract/specs.ts';

/** The lint findings of one file, in file order, with the fix a rule offers. */
export function FindingList({ findings }: { findings: readonly LintFinding[] }) {
  if (findings.length === 0) return null;
  return (
    <ul className="findings" aria-label="Problems in this spec">
      {findings.map((f) => (
        <li
          key={`${f.ruleId}:${f.range.start.line}:${f.range.start.column}`}
          className={`finding finding-${f.severity}`}
        >
          <span className={`severity severity-${f.severity}`}>{f.severity}</span>
          <span className="finding-where">
            {f.range.start.line}:{f.range.start.column}
          </span>
          <span className="finding-rule">{f.ruleId}</span>
          <span className="finding-message">{f.message}</span>
          {f.fix && <span className="finding-fix">Fix: {f.fix.description}</span>}
        </li>
      ))}
    </ul>
  );
}
