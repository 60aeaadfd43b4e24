// Which requirements changed between two versions of a set of specs: added, removed, moved to
// another file, or with a changed statement. Keyed by requirement ID, so reordering and
// editing around requirements is not a change. (The full semantic diff by requirement lives in
// workflows/diff/; this is the small comparison `cairn diff <ref> <ref>` needs.)
import { extractSpecFacts, type RequirementFact } from './spec-facts.ts';

export interface SpecText {
  path: string;
  text: string;
}

export interface RequirementChange {
  id: string;
  change: 'added' | 'removed' | 'modified' | 'moved';
  before: { path: string; title: string; statement: string } | null;
  after: { path: string; title: string; statement: string } | null;
}

function index(files: readonly SpecText[]): Map<string, { path: string; req: RequirementFact }> {
  const map = new Map<string, { path: string; req: RequirementFact }>();
  for (const file of [...files].sort((a, b) => (a.path < b.path ? -1 : 1))) {
    for (const req of extractSpecFacts(file.text).requirements) {
      if (!map.has(req.id)) map.set(req.id, { path: file.path, req });
    }
  }
  return map;
}

export function compareRequirements(
  before: readonly SpecText[],
  after: readonly SpecText[],
): RequirementChange[] {
  const a = index(before);
  const b = index(after);
  const view = (x: { path: string; req: RequirementFact }) => ({
    path: x.path,
    title: x.req.title,
    statement: x.req.statement,
  });
  const out: RequirementChange[] = [];
  for (const id of [...new Set([...a.keys(), ...b.keys()])].sort()) {
    const x = a.get(id);
    const y = b.get(id);
    if (x && !y) out.push({ id, change: 'removed', before: view(x), after: null });
    else if (!x && y) out.push({ id, change: 'added', before: null, after: view(y) });
    else if (x && y) {
      const changed = x.req.statement !== y.req.statement || x.req.title !== y.req.title;
      if (changed) out.push({ id, change: 'modified', before: view(x), after: view(y) });
      else if (x.path !== y.path)
        out.push({ id, change: 'moved', before: view(x), after: view(y) });
    }
  }
  return out;
}
