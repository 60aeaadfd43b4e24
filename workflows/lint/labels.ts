import type { Requirement } from '../specs/model.ts';

/** How messages name a requirement: `REQ-7KQ2M4`, `user story US1`, `criterion 1.2`, `"Sign-out"`. */
export function requirementLabel(requirement: Pick<Requirement, 'id' | 'kind'>): string {
  const { id, kind } = requirement;
  if (kind === 'criterion') return `criterion ${id}`;
  if (kind === 'story') return /^US\d/.test(id) ? `user story ${id}` : `requirement ${id}`;
  return /\s/.test(id) ? `"${id}"` : id;
}
