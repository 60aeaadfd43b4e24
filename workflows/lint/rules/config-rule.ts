import { CONFIG_PATH } from '../../specs/workspace-config.ts';
import type { Rule } from '../finding.ts';

/** CONFIG-001: `.cairn/config.yaml` problems, including rule IDs no rule has. */
export function configRule(knownRuleIds: () => ReadonlySet<string>): Rule {
  return {
    id: 'CONFIG-001',
    name: 'config-invalid',
    defaultSeverity: 'error',
    summary: `${CONFIG_PATH} that does not parse or does not match its schema.`,
    check(workspace, report) {
      if (!workspace.settings) return;
      const { config, diagnostics } = workspace.settings;
      for (const d of diagnostics) {
        report({
          path: CONFIG_PATH,
          range: d.range,
          message: `${d.message}; these settings are ignored.`,
        });
      }
      const known = knownRuleIds();
      for (const [id, range] of Object.entries(config.ruleRanges)) {
        if (known.has(id)) continue;
        report({
          path: CONFIG_PATH,
          range,
          message: `lint.rules names "${id}", which is not a rule; see resources/lint-rules.md for the IDs.`,
        });
      }
    },
  };
}
