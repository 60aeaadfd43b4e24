// SARIF 2.1.0 (https://docs.oasis-open.org/sarif/sarif/v2.1.0/), the format code-scanning
// services read. Regions are 1-based with an exclusive end column, as Cairn's ranges are.
import { pathToFileURL } from 'node:url';
import type { Finding, Severity } from '../../../workflows/lint/finding.ts';
import { RULES } from '../../../workflows/lint/rules/index.ts';
import type { Range } from '../../../workflows/specs/model.ts';
import type { FolderLint } from '../../services/specs/lint-folder.ts';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = {
  error: 'error',
  warning: 'warning',
  info: 'note',
};

function region(range: Range) {
  return {
    startLine: range.start.line,
    startColumn: range.start.column,
    endLine: range.end.line,
    endColumn: range.end.column,
  };
}

function location(uri: string, range: Range) {
  return {
    physicalLocation: {
      artifactLocation: { uri, uriBaseId: 'SRCROOT' },
      region: region(range),
    },
  };
}

function result(finding: Finding, ruleIndex: number) {
  const uri = encodeURI(finding.path);
  return {
    ruleId: finding.ruleId,
    ruleIndex,
    level: LEVEL[finding.severity],
    message: { text: finding.message },
    locations: [location(uri, finding.range)],
    ...(finding.fix
      ? {
          fixes: [
            {
              description: { text: finding.fix.description },
              artifactChanges: [
                {
                  artifactLocation: { uri, uriBaseId: 'SRCROOT' },
                  replacements: finding.fix.edits.map((edit) => ({
                    deletedRegion: region(edit.range),
                    insertedContent: { text: edit.newText },
                  })),
                },
              ],
            },
          ],
        }
      : {}),
  };
}

export function formatLintSarif(lint: FolderLint, version: string): string {
  const index = new Map(RULES.map((rule, i) => [rule.id, i]));
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'Cairn',
            version,
            semanticVersion: version,
            rules: RULES.map((rule) => ({
              id: rule.id,
              name: rule.name,
              shortDescription: { text: rule.summary },
              defaultConfiguration: { level: LEVEL[rule.defaultSeverity] },
            })),
          },
        },
        originalUriBaseIds: {
          SRCROOT: { uri: pathToFileURL(lint.root + '/').href },
        },
        results: lint.result.findings.map((f) => result(f, index.get(f.ruleId) ?? -1)),
      },
    ],
  };
  return JSON.stringify(log, null, 2);
}
