import type { PassContext } from '../../engine/pass.ts';

/**
 * The text an earlier pass proposed for `path` (the template pass's new file, say), for a pass
 * that runs before that change has been accepted.
 */
export function proposedText(context: PassContext, path: string): string | null {
  for (const output of Object.values(context.inputs.outputs)) {
    if (typeof output !== 'object' || output === null) continue;
    const { path: p, text } = output as { path?: unknown; text?: unknown };
    if (p === path && typeof text === 'string') return text;
  }
  return null;
}
