// Rules about whole documents and files: open markers, frontmatter, unreadable files.
import { CairnFrontmatterSchema, plainlyValidFrontmatter } from '../../specs/cairn-frontmatter.ts';
import { rangeInProse } from '../../specs/markdown/prose.ts';
import type { Rule } from '../finding.ts';
import { FILE_START } from '../../specs/source-text.ts';
import { repeats } from '../repeats.ts';
import type { SpecDocument } from '../../specs/model.ts';
import { matchesOf } from '../../specs/matches.ts';

const OPEN_MARKER = /\b(?:TBD|TBC|TODO|FIXME|XXX)\b|\?\?\?|\[NEEDS CLARIFICATION\b[^\]]*\]/g;
const CLARIFICATION = /\[NEEDS CLARIFICATION\b/g;
const MAX_CLARIFICATIONS = 3;

export const DOCUMENT_RULES: Rule[] = [
  {
    id: 'SPEC-001',
    name: 'open-marker',
    defaultSeverity: 'warning',
    summary: 'Open markers (TBD, TODO, FIXME, ???, [NEEDS CLARIFICATION]) left in a spec.',
    check(workspace, report) {
      for (const document of workspace.documents) {
        const status = document.frontmatter?.data['status'];
        const approved = status === 'approved' || status === 'done';
        for (const block of document.prose) {
          for (const m of matchesOf(OPEN_MARKER, block.prose.text)) {
            report({
              path: document.path,
              range: rangeInProse(block.prose, m.index, m.index + m[0].length),
              message: `Open marker "${shorten(m[0])}"${approved ? ` in a document marked ${String(status)}` : ''}: resolve it or turn it into a tracked question.`,
            });
          }
        }
      }
    },
  },
  {
    id: 'SPEC-008',
    name: 'frontmatter-invalid',
    defaultSeverity: 'error',
    summary: 'Frontmatter that does not parse (bad YAML, duplicate keys, unclosed block).',
    check(workspace, report) {
      for (const document of workspace.documents) {
        for (const d of document.diagnostics) {
          if (d.code === 'frontmatter')
            report({ path: document.path, range: d.range, message: d.message });
        }
      }
    },
  },
  {
    id: 'SPEC-019',
    name: 'markdown-too-complex',
    defaultSeverity: 'error',
    summary: "A document nested too deep (or otherwise past the parser's limits) to be read.",
    check(workspace, report) {
      for (const document of workspace.documents) {
        for (const d of document.diagnostics) {
          if (d.code === 'markdown')
            report({ path: document.path, range: d.range, message: d.message });
        }
      }
    },
  },
  {
    id: 'SPEC-009',
    name: 'frontmatter-fields',
    defaultSeverity: 'warning',
    summary: 'Cairn specs carry id, title and type; status, owners, covers, links are typed.',
    check(workspace, report) {
      for (const document of workspace.documents) {
        if (
          document.format !== 'cairn' ||
          document.diagnostics.some((d) => d.code === 'frontmatter')
        )
          continue;
        const frontmatter = document.frontmatter;
        if (!frontmatter) {
          report({
            path: document.path,
            range: FILE_START,
            message:
              'No frontmatter: start the file with a --- block giving id, title and type (see resources/spec-format.md).',
          });
          continue;
        }
        if (plainlyValidFrontmatter(frontmatter.data)) continue;
        const parsed = CairnFrontmatterSchema.safeParse(frontmatter.data);
        if (parsed.success) continue;
        for (const issue of parsed.error.issues) {
          const key = String(issue.path[0] ?? '');
          const field = frontmatter.fields[key];
          report({
            path: document.path,
            range: field?.value ?? frontmatter.range,
            message: `Frontmatter "${key}" ${issue.message}.`,
          });
        }
      }
    },
  },
  {
    id: 'SPEC-015',
    name: 'too-many-clarifications',
    defaultSeverity: 'warning',
    summary: `Spec Kit allows at most ${MAX_CLARIFICATIONS} [NEEDS CLARIFICATION] markers per spec.`,
    check(workspace, report) {
      for (const document of workspace.documents) {
        if (document.format !== 'speckit' || document.kind !== 'spec') continue;
        const marks = document.prose.flatMap((block) =>
          matchesOf(CLARIFICATION, block.prose.text).map((m) =>
            rangeInProse(block.prose, m.index, m.index + m[0].length),
          ),
        );
        const extra = marks[MAX_CLARIFICATIONS];
        if (!extra) continue;
        report({
          path: document.path,
          range: extra,
          message: `${marks.length} [NEEDS CLARIFICATION] markers; Spec Kit keeps at most ${MAX_CLARIFICATIONS}. Make an informed guess for the minor ones and record it under Assumptions.`,
        });
      }
    },
  },
  {
    id: 'SPEC-016',
    name: 'duplicate-document-id',
    defaultSeverity: 'error',
    summary: 'Two documents with the same frontmatter id.',
    check(workspace, report) {
      const idOf = (d: SpecDocument) => {
        const id = d.frontmatter?.data['id'];
        return typeof id === 'string' ? id : null;
      };
      for (const { item: document, first } of repeats(workspace.documents, idOf)) {
        report({
          path: document.path,
          range: document.frontmatter?.fields['id']?.value ?? FILE_START,
          message: `Document id "${idOf(document)}" is already used by ${first.path}; give this document its own id.`,
        });
      }
    },
  },
  {
    id: 'SPEC-017',
    name: 'unreadable-file',
    defaultSeverity: 'warning',
    summary: 'A file was skipped: binary, too large, or not readable.',
    check(workspace, report) {
      for (const problem of workspace.problems) {
        if (problem.kind === 'invalid-utf8') continue;
        report({
          path: problem.path,
          range: problem.range ?? FILE_START,
          message: problem.message,
        });
      }
    },
  },
  {
    id: 'SPEC-018',
    name: 'invalid-encoding',
    defaultSeverity: 'error',
    summary: 'A spec file is not valid UTF-8.',
    check(workspace, report) {
      for (const problem of workspace.problems) {
        if (problem.kind !== 'invalid-utf8') continue;
        report({
          path: problem.path,
          range: problem.range ?? FILE_START,
          message: problem.message,
        });
      }
    },
  },
];

function shorten(text: string): string {
  return text.length > 60 ? text.slice(0, 57) + '…' : text;
}
