import type { RequirementRef, SpecDocument, Workspace } from '../specs/model.ts';

/** `scope#id`: how requirements are told apart (Spec Kit and Kiro numbering restarts per folder). */
export function requirementKey(scope: string, id: string): string {
  return `${scope}#${id}`;
}

// Two rules look citations up: build the keys once per workspace.
const keysOf = new WeakMap<Workspace, ReadonlySet<string>>();

/** The key of every requirement the workspace declares. */
export function requirementKeys(workspace: Workspace): ReadonlySet<string> {
  let keys = keysOf.get(workspace);
  if (keys) return keys;
  const found = new Set<string>();
  for (const document of workspace.documents) {
    const requirements = document.requirements;
    for (let i = 0; i < requirements.length; i++) {
      const r = requirements[i] as (typeof requirements)[number];
      found.add(requirementKey(r.scope, r.id));
    }
  }
  keys = found;
  keysOf.set(workspace, keys);
  return keys;
}

/**
 * The key a citation must resolve to, or null when the citation is not checkable in this
 * document: `REQ-` IDs are workspace-wide; `FR-001` and `US1` belong to a Spec Kit feature
 * folder, Kiro's `1.2` to a Kiro feature folder.
 */
export function citationKey(document: SpecDocument, ref: RequirementRef): string | null {
  if (ref.style === 'req') return requirementKey('', ref.id);
  if (document.format === 'speckit' && (ref.style === 'fr' || ref.style === 'story')) {
    return requirementKey(document.scope, ref.id);
  }
  if (document.format === 'kiro' && /^\d/.test(ref.id)) {
    return requirementKey(document.scope, ref.id);
  }
  return null;
}
