// What plans, tasks and verdicts may cite: the requirements of the documents in scope, and the
// numbered behaviours of a bugfix document (`- **2.1** WHEN … THEN …`).
import type { PassContext } from '../../engine/pass.ts';
import { documentsInScope } from './scope.ts';

export interface Traceable {
  id: string;
  path: string;
  title: string;
  text: string;
}

const BEHAVIOUR = /^\s*[-*]\s+\*\*(\d+\.\d+)\*\*\s+(.+)$/;

export function traceables(context: PassContext): Traceable[] {
  const found: Traceable[] = [];
  for (const document of documentsInScope(context)) {
    for (const r of document.requirements) {
      found.push({ id: r.id, path: r.path, title: r.title, text: r.statement.trim() });
    }
  }
  for (const input of context.inputs.documents) {
    if (!/(^|\/)bugfix\.md$/i.test(input.path)) continue;
    for (const line of input.text.split(/\r?\n/)) {
      const m = BEHAVIOUR.exec(line);
      if (m)
        found.push({
          id: m[1] as string,
          path: input.path,
          title: '',
          text: (m[2] as string).trim(),
        });
    }
  }
  return found;
}

/** The cited IDs that exist, in order, without repeats; and those that do not. */
export function splitCitations(
  cited: readonly string[],
  known: ReadonlySet<string>,
): { kept: string[]; invented: string[] } {
  const ids = [...new Set(cited.map((c) => c.trim()))];
  return { kept: ids.filter((id) => known.has(id)), invented: ids.filter((id) => !known.has(id)) };
}

export function traceableList(items: readonly Traceable[]): string {
  if (items.length === 0) return '(none)';
  return items.map((t) => `- ${t.id}${t.title ? ` (${t.title})` : ''}: ${t.text}`).join('\n');
}
