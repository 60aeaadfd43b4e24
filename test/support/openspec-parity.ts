// Compares `openspec validate --all --strict --json` with Cairn's OpenSpec parity rules, item
// by item (a spec or a change): the verdict and the set of checks that fired. Used by the
// integration test and by test/bench/lint-bench.ts.
import type { Finding } from '../../workflows/lint/finding.ts';
import { RULES } from '../../workflows/lint/rules/index.ts';

interface OpenSpecIssue {
  level: 'ERROR' | 'WARNING' | 'INFO';
  path?: string;
  message: string;
}
export interface OpenSpecReport {
  items: { id: string; type: 'spec' | 'change'; valid: boolean; issues: OpenSpecIssue[] }[];
}

/** openspec's messages, mapped to the Cairn rule that makes the same check. */
const MESSAGE_TO_RULE: [RegExp, string][] = [
  [/Spec must have a Purpose section|Purpose section cannot be empty/, 'OSPEC-001'],
  [/Spec must have a Requirements section/, 'OSPEC-002'],
  [/Spec must have at least one requirement/, 'OSPEC-003'],
  [/Purpose section is too brief/, 'OSPEC-004'],
  [/Purpose section is still a placeholder/, 'OSPEC-005'],
  [/Requirement text is very long/, 'OSPEC-006'],
  [/must have at least one scenario|must include at least one scenario/, 'OSPEC-007'],
  [/should contain SHALL or MUST/, 'OSPEC-008'],
  [/must contain SHALL or MUST|is missing requirement text/, 'OSPEC-009'],
  [
    /duplicates the requirement|Duplicate requirement in|Duplicate (FROM|TO) in RENAMED/,
    'OSPEC-010',
  ],
  [/appears outside the main ## Requirements section/, 'OSPEC-011'],
  [/Main spec contains delta header/, 'OSPEC-012'],
  [/present in both|MODIFIED references old name|RENAMED TO collides/, 'OSPEC-013'],
  [/has no matching (TO|FROM): line/, 'OSPEC-014'],
  [/which is not a delta section, so it is ignored/, 'OSPEC-015'],
  [/is not a "### Requirement:" header|is missing a requirement name and is ignored/, 'OSPEC-016'],
  [
    /No delta sections found|no requirement entries parsed|Change must have at least one delta/,
    'OSPEC-017',
  ],
  [/omits scenario\(s\) the current spec still has/, 'OSPEC-018'],
  [/is under group .* but its leading number|Task ID .* is duplicated/, 'OSPEC-020'],
];

export function ruleForOpenSpecMessage(message: string): string {
  return (
    MESSAGE_TO_RULE.find(([pattern]) => pattern.test(message))?.[1] ??
    `unmapped: ${message.slice(0, 80)}`
  );
}

const PARITY = new Set(RULES.filter((r) => r.openspecParity).map((r) => r.id));

/** `spec/<capability>` or `change/<id>` for a Cairn finding's file, or null. */
export function itemOf(path: string): string | null {
  const spec = /(?:^|\/)openspec\/specs\/(.+)\/spec\.md$/.exec(path);
  if (spec) return `spec/${spec[1]}`;
  const change = /(?:^|\/)openspec\/changes\/([^/]+)\//.exec(path);
  return change && change[1] !== 'archive' ? `change/${change[1]}` : null;
}

export interface ItemComparison {
  item: string;
  openspec: { valid: boolean; rules: string[] };
  cairn: { valid: boolean; rules: string[] };
  agree: boolean;
}

export function compareWithOpenSpec(
  report: OpenSpecReport,
  findings: readonly Finding[],
): ItemComparison[] {
  const cairn = new Map<string, Finding[]>();
  for (const f of findings) {
    const item = itemOf(f.path);
    if (!item || !PARITY.has(f.ruleId)) continue;
    cairn.set(item, [...(cairn.get(item) ?? []), f]);
  }
  const items = new Set([...report.items.map((i) => `${i.type}/${i.id}`), ...cairn.keys()]);
  return [...items].sort().map((item) => {
    const theirs = report.items.find((i) => `${i.type}/${i.id}` === item);
    const ours = cairn.get(item) ?? [];
    const openspec = {
      valid: theirs?.valid ?? true,
      rules: [
        ...new Set(
          (theirs?.issues ?? [])
            .filter((i) => i.level !== 'INFO')
            .map((i) => ruleForOpenSpecMessage(i.message)),
        ),
      ].sort(),
    };
    const mine = {
      valid: !ours.some((f) => f.severity !== 'info'),
      rules: [...new Set(ours.filter((f) => f.severity !== 'info').map((f) => f.ruleId))].sort(),
    };
    return {
      item,
      openspec,
      cairn: mine,
      agree: openspec.valid === mine.valid && openspec.rules.join() === mine.rules.join(),
    };
  });
}
