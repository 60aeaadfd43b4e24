import type { RequirementRef, SpecDocument, Workspace } from '../specs/model.ts';

/** `scope#id`: how requirements are told apart (Spec Kit and Kiro numbering restarts per folder). */
export function requirementKey(scope: string, id: string): string {
  return `${scope}#${id}`;
}

export function requirementKeys(workspace: Workspace): Set<string> {
  const keys = new Set<string>();
  for (const document of workspace.documents) {
    for (const r of document.requirements) keys.add(requirementKey(r.scope, r.id));
  }
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
