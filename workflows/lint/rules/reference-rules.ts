// Rules about what specs point at: links, requirement citations, `covers` globs.
import picomatch from 'picomatch';
import { linkTarget, pathIndex } from '../../specs/workspace-paths.ts';
import { citationKey, requirementKeys } from '../citations.ts';
import type { Rule } from '../finding.ts';
import { requirementLabel } from '../labels.ts';

export const REFERENCE_RULES: Rule[] = [
  {
    id: 'SPEC-005',
    name: 'broken-link',
    defaultSeverity: 'warning',
    summary: 'A relative link (Markdown or frontmatter `links`) to a file that does not exist.',
    check(workspace, report) {
      const index = pathIndex(workspace.paths);
      for (const document of workspace.documents) {
        for (const link of document.links) {
          const target = linkTarget(document.path, link.target);
          if (target.kind === 'external' || target.kind === 'anchor') continue;
          if (
            target.kind === 'local' &&
            (index.files.has(target.path) || index.folders.has(target.path))
          ) {
            continue;
          }
          report({
            path: document.path,
            range: link.range,
            message:
              target.kind === 'outside'
                ? `Link "${link.target}" leads outside the workspace; link to files inside it.`
                : `Link "${link.target}" points to ${target.path}, which does not exist; fix the path or remove the link.`,
          });
        }
      }
    },
  },
  {
    id: 'SPEC-006',
    name: 'unknown-requirement',
    defaultSeverity: 'error',
    summary: 'A task cites a requirement that no spec declares.',
    check(workspace, report) {
      const keys = requirementKeys(workspace);
      for (const document of workspace.documents) {
        for (const task of document.tasks) {
          for (const ref of task.refs) {
            const key = citationKey(document, ref);
            if (key === null || keys.has(key)) continue;
            report({
              path: document.path,
              range: ref.range,
              requirementId: ref.id,
              message: `Task${task.id ? ` ${task.id}` : ''} cites ${ref.style === 'req' || ref.style === 'fr' ? ref.id : requirementLabel({ id: ref.id, kind: ref.style === 'criterion' ? 'criterion' : 'story' })}, which no spec declares; fix the ID or add the requirement.`,
            });
          }
        }
      }
    },
  },
  {
    id: 'SPEC-007',
    name: 'unknown-mention',
    defaultSeverity: 'warning',
    summary: 'Prose mentions a requirement ID that no spec declares.',
    check(workspace, report) {
      const keys = requirementKeys(workspace);
      for (const document of workspace.documents) {
        for (const ref of document.mentions) {
          // Prose names stories loosely ("e.g. US1, US2, US3"); only IDs are checked.
          if (ref.style === 'story' || ref.style === 'criterion') continue;
          const key = citationKey(document, ref);
          if (key === null || keys.has(key)) continue;
          report({
            path: document.path,
            range: ref.range,
            requirementId: ref.id,
            message: `${ref.id} is mentioned here but no spec declares it; fix the ID or add the requirement.`,
          });
        }
      }
    },
  },
  {
    id: 'SPEC-014',
    name: 'covers-nothing',
    defaultSeverity: 'warning',
    summary: 'A `covers` glob that matches no file in the workspace.',
    check(workspace, report) {
      for (const document of workspace.documents) {
        for (const glob of document.covers) {
          if (glob.pattern.startsWith('/') || glob.pattern.split('/').includes('..')) {
            report({
              path: document.path,
              range: glob.range,
              message: `covers "${glob.pattern}" must be relative to the workspace root (no leading "/", no "..").`,
            });
            continue;
          }
          const matches = picomatch(glob.pattern, { dot: true, windows: false });
          if (workspace.paths.some((p) => matches(p))) continue;
          report({
            path: document.path,
            range: glob.range,
            message: `covers "${glob.pattern}" matches no file in the workspace; fix the glob (paths are relative to the workspace root).`,
          });
        }
      }
    },
  },
];
