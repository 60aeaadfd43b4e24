import path from 'node:path';
import { RULES } from '../../../workflows/lint/rules/index.ts';
import { lintFolder } from '../../services/specs/lint-folder.ts';
import { parseCommandArgs, UsageError, type Command } from '../command.ts';
import { EXIT } from '../exit-codes.ts';
import { formatLintJson } from '../output/lint-json.ts';
import { formatLintSarif } from '../output/lint-sarif.ts';
import { formatLintText } from '../output/lint-text.ts';
import { packageVersion } from '../package-info.ts';

const FORMATS = ['text', 'json', 'sarif'] as const;

export const lintCommand: Command = {
  name: 'lint',
  summary: 'Check specs (Cairn, Spec Kit, OpenSpec, Kiro) for EARS, structure and trace problems',
  help: `Usage: cairn lint [path] [--strict] [--format text|json|sarif] [--rules IDS]

Lints the specs under path (default: the current folder): EARS wording, open markers,
requirements without scenarios, duplicate IDs, broken links, tasks citing unknown
requirements, and OpenSpec's own checks (parity with \`openspec validate --strict\`).
Rules, their IDs and severities: resources/lint-rules.md. Per-workspace severities go in
.cairn/config.yaml under lint.rules (RULE-ID: off|error|warning|info).

  --strict         fail on warnings too, not only on errors
  --format F       text (default), json, or sarif (SARIF 2.1.0, for code scanning)
  --rules IDS      only these rules: comma-separated IDs or prefixes (EARS, SPEC,
                   OSPEC, CONFIG), e.g. --rules OSPEC for OpenSpec's checks alone

Exit codes: 0 nothing at or above the failing severity, 1 findings that fail (errors;
warnings too with --strict), 2 usage error, 3 the folder could not be linted.`,
  async run(args, io) {
    const parsed = parseCommandArgs(args, {
      strict: { type: 'boolean', default: false },
      format: { type: 'string', default: 'text' },
      rules: { type: 'string' },
    });
    const { values, positionals } = parsed;
    if (positionals.length > 1) {
      throw new UsageError(
        `lint takes one folder, got ${positionals.length}: ${positionals.join(' ')}`,
      );
    }
    const format = values.format as (typeof FORMATS)[number];
    if (!FORMATS.includes(format)) {
      throw new UsageError(`--format must be one of ${FORMATS.join(', ')}, got '${values.format}'`);
    }
    const only = values.rules
      ?.split(',')
      .map((s) => s.trim())
      .filter((s) => s.length > 0);
    if (only !== undefined) checkRuleSelection(only);

    let lint;
    try {
      lint = await lintFolder(path.resolve(io.cwd, positionals[0] ?? '.'), only ? { only } : {});
    } catch (error) {
      io.err(`cairn lint: ${(error as Error).message}`);
      return EXIT.failure;
    }
    if (format === 'json') io.out(formatLintJson(lint));
    else if (format === 'sarif') io.out(formatLintSarif(lint, packageVersion()));
    else for (const line of formatLintText(lint, io.cwd)) io.out(line);

    const { error, warning } = lint.result.counts;
    return error > 0 || (values.strict && warning > 0) ? EXIT.findings : EXIT.ok;
  },
};

/** Each `--rules` entry must name a rule or a family (the part of an ID before "-"). */
function checkRuleSelection(only: readonly string[]): void {
  if (only.length === 0) throw new UsageError('--rules needs at least one rule ID or prefix');
  for (const entry of only) {
    if (!RULES.some((r) => r.id === entry || r.id.startsWith(entry + '-'))) {
      const families = [...new Set(RULES.map((r) => r.id.split('-')[0]))].join(', ');
      throw new UsageError(`--rules: no rule is named '${entry}' (families: ${families})`);
    }
  }
}
