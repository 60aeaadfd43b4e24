import { sha256Hex } from '../../records/canonical-json.ts';

/**
 * A finding ID that depends only on what the finding is about (`DUP-3F9A2C`): its category
 * and the requirement keys, paths and words in `parts`, never its position or its rank in a
 * list, so the same defect keeps its ID across runs and edits elsewhere.
 */
export function stableId(prefix: string, ...parts: string[]): string {
  return `${prefix}-${sha256Hex(parts.join('\u001f')).slice(0, 6).toUpperCase()}`;
}
