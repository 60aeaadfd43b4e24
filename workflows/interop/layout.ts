// Which SDD tool's layout a file belongs to, from its path alone. Layouts may sit below the
// workspace root (a monorepo's `packages/app/openspec/…`), so patterns match at any depth.
import type { DocumentKind, SpecFormat } from '../specs/model.ts';

export interface FileRole {
  format: SpecFormat;
  kind: DocumentKind;
  /** The folder that scopes local IDs ('' for Cairn). */
  scope: string;
  /** OpenSpec change ID, for files under `openspec/changes/<id>/`. */
  change?: string;
}

const OPENSPEC_SPEC = /^((?:.*\/)?openspec\/specs\/(.+))\/spec\.md$/;
const OPENSPEC_CHANGE = /^((?:.*\/)?openspec\/changes\/([^/]+))\/(.+)$/;
const KIRO = /^((?:.*\/)?\.kiro\/specs\/[^/]+)\/(requirements|design|tasks|bugfix)\.md$/;
const SPECKIT =
  /^((?:.*\/)?specs\/\d{3,}-[^/]+)\/(spec|plan|tasks|research|data-model|quickstart)\.md$/;
const SPECKIT_CONSTITUTION = /^(?:.*\/)?\.specify\/memory\/constitution\.md$/;

const SPECKIT_KINDS: Record<string, DocumentKind> = {
  spec: 'spec',
  plan: 'plan',
  tasks: 'tasks',
};

/**
 * The role of a Markdown file in one of the other tools' layouts, or null when the path
 * belongs to none of them (it may still be a Cairn spec; that is decided from its content).
 * Archived OpenSpec changes are history and get no role, as in `openspec validate --all`.
 */
export function classifyPath(path: string): FileRole | null {
  let m = OPENSPEC_SPEC.exec(path);
  if (m) return { format: 'openspec', kind: 'spec', scope: m[1] as string };
  m = OPENSPEC_CHANGE.exec(path);
  if (m) {
    const change = m[2] as string;
    const rest = m[3] as string;
    if (change === 'archive') return null;
    const delta = /^specs\/(.+)\/spec\.md$/.exec(rest);
    if (delta) {
      return { format: 'openspec', kind: 'delta', scope: `${m[1]}/specs/${delta[1]}`, change };
    }
    const kinds: Record<string, DocumentKind> = {
      'proposal.md': 'proposal',
      'tasks.md': 'tasks',
      'design.md': 'design',
    };
    const kind = kinds[rest];
    return kind ? { format: 'openspec', kind, scope: m[1] as string, change } : null;
  }
  m = KIRO.exec(path);
  if (m) return { format: 'kiro', kind: m[2] as DocumentKind, scope: m[1] as string };
  m = SPECKIT.exec(path);
  if (m) {
    return {
      format: 'speckit',
      kind: SPECKIT_KINDS[m[2] as string] ?? 'other',
      scope: m[1] as string,
    };
  }
  if (SPECKIT_CONSTITUTION.test(path))
    return { format: 'speckit', kind: 'constitution', scope: '' };
  return null;
}

const FOREIGN_FOLDER = /(^|\/)(openspec|\.kiro|\.specify|specs\/\d{3,}-[^/]+)\//;

/** Whether `path` is in a folder the other tools own, so it cannot be a Cairn spec. */
export function isForeignToolPath(path: string): boolean {
  return FOREIGN_FOLDER.test(path);
}
