// The drift baseline: findings a reviewer accepted, kept in `.cairn/drift-baseline.yaml` in the
// repository so it syncs through git. An entry holds a finding's key and the evidence that was
// accepted; the finding stays quiet until evidence appears that the entry does not hold.
// Entries are sorted by key and merge as sets, so two reviewers accepting at once never
// conflict (mergeBaselineText is the merge driver git sync uses for this file).
import { parseDocument, stringify } from 'yaml';
import { z } from 'zod';

export const BASELINE_FILE = '.cairn/drift-baseline.yaml';

const EntrySchema = z.object({
  key: z.string().min(1),
  evidence: z.array(z.string()).default([]),
  by: z.string().optional(),
  at: z.string().optional(),
  note: z.string().optional(),
});
export type BaselineEntry = z.infer<typeof EntrySchema>;

const BaselineSchema = z.object({
  version: z.literal(1),
  accepted: z.array(EntrySchema).nullable().default([]),
});

export interface Baseline {
  entries: Map<string, BaselineEntry>;
}

export class BaselineError extends Error {
  override name = 'BaselineError';
}

export function emptyBaseline(): Baseline {
  return { entries: new Map() };
}

export function parseBaseline(text: string, file = BASELINE_FILE): Baseline {
  if (text.trim() === '') return emptyBaseline();
  const doc = parseDocument(text, { uniqueKeys: true });
  const first = doc.errors[0];
  if (first) {
    throw new BaselineError(
      `${file}:${first.linePos?.[0]?.line ?? 1}: ${first.message.split('\n')[0]}. Fix the file or delete it (accepted findings then show again).`,
    );
  }
  const parsed = BaselineSchema.safeParse(doc.toJS());
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new BaselineError(
      `${file}: ${issue?.path.join('.') || '(top)'}: ${issue?.message ?? 'invalid'}. Expected \`version: 1\` and a list \`accepted:\` of {key, evidence}.`,
    );
  }
  const entries = new Map<string, BaselineEntry>();
  for (const entry of parsed.data.accepted ?? []) {
    const existing = entries.get(entry.key);
    entries.set(
      entry.key,
      existing ? { ...entry, evidence: union(existing.evidence, entry.evidence) } : entry,
    );
  }
  return { entries };
}

const HEADER = `# Accepted drift findings. Each entry keeps a finding quiet until new evidence appears
# (a new commit, a changed requirement). Written by Cairn: \`cairn drift --accept\`, or Accept in
# the Drift view. Commit and sync this file so your team shares it.
`;

export function serializeBaseline(baseline: Baseline): string {
  const accepted = [...baseline.entries.values()]
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map((e) => {
      const out: Record<string, unknown> = {
        key: e.key,
        evidence: [...new Set(e.evidence)].sort(),
      };
      if (e.by) out.by = e.by;
      if (e.at) out.at = e.at;
      if (e.note) out.note = e.note;
      return out;
    });
  return HEADER + stringify({ version: 1, accepted }, { lineWidth: 0 });
}

function union(a: readonly string[], b: readonly string[]): string[] {
  return [...new Set([...a, ...b])];
}

/** Adds (or widens) entries: each key accepts the given evidence. */
export function acceptInto(
  baseline: Baseline,
  accepted: readonly { key: string; evidence: readonly string[] }[],
  meta: { by?: string; at: string; note?: string },
): Baseline {
  const entries = new Map(baseline.entries);
  for (const item of accepted) {
    const existing = entries.get(item.key);
    entries.set(item.key, {
      key: item.key,
      evidence: union(existing?.evidence ?? [], item.evidence),
      ...(meta.by ? { by: meta.by } : existing?.by ? { by: existing.by } : {}),
      at: meta.at,
      ...(meta.note ? { note: meta.note } : existing?.note ? { note: existing.note } : {}),
    });
  }
  return { entries };
}

/** Three-way merge of sets: kept by both, plus what either side added. */
function merge3<T>(base: Set<T>, ours: Set<T>, theirs: Set<T>): Set<T> {
  const out = new Set<T>();
  for (const x of ours) if (theirs.has(x) || !base.has(x)) out.add(x);
  for (const x of theirs) if (!base.has(x)) out.add(x);
  return out;
}

/**
 * The merge driver for the baseline file: entries and their evidence merge as sets. Returns
 * null when a side does not parse (the caller falls back to a line merge).
 */
export function mergeBaselineText(
  base: string,
  ours: string,
  theirs: string,
): { clean: true; text: string } | null {
  let b: Baseline;
  let o: Baseline;
  let t: Baseline;
  try {
    [b, o, t] = [parseBaseline(base), parseBaseline(ours), parseBaseline(theirs)];
  } catch {
    return null;
  }
  const pairs = (x: Baseline) =>
    new Set(
      [...x.entries.values()].flatMap((e) => [
        `${e.key}\u0000`,
        ...e.evidence.map((v) => `${e.key}\u0000${v}`),
      ]),
    );
  const kept = merge3(pairs(b), pairs(o), pairs(t));
  const entries = new Map<string, BaselineEntry>();
  for (const pair of kept) {
    const [key, evidence] = pair.split('\u0000') as [string, string];
    const meta = [o.entries.get(key), t.entries.get(key)]
      .filter((e): e is BaselineEntry => e !== undefined)
      .sort((x, y) => ((x.at ?? '') < (y.at ?? '') ? 1 : -1))[0];
    const entry = entries.get(key) ?? { ...(meta ?? { key }), key, evidence: [] };
    if (evidence) entry.evidence = union(entry.evidence, [evidence]);
    entries.set(key, entry);
  }
  return { clean: true, text: serializeBaseline({ entries }) };
}
