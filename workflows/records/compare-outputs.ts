// Field-by-field comparison of two outputs of the same call (a recorded one and its re-run on
// another model): how a user sees where two models disagree on their own spec. JSON outputs
// are compared leaf by leaf, arrays by position; free text gets a similarity ratio.
import { alignLines } from '../merge/line-diff.ts';

export type FieldStatus = 'same' | 'changed' | 'added' | 'removed';

export interface FieldComparison {
  /** `questions[2].recommended`; '' for the output as a whole. */
  path: string;
  status: FieldStatus;
  /** Absent for `added`. */
  before?: unknown;
  /** Absent for `removed`. */
  after?: unknown;
  /** For two strings: how alike they are, 0 (nothing shared) to 1 (equal). */
  similarity?: number;
}

export interface OutputComparison {
  fields: FieldComparison[];
  counts: Record<FieldStatus, number>;
  /** Similarity of the raw output texts, 0 to 1. */
  textSimilarity: number;
  /** The parsed outputs (or, without JSON, the texts) are equal. */
  identical: boolean;
}

export interface ComparableOutput {
  text: string;
  json: unknown;
}

export function compareOutputs(
  before: ComparableOutput,
  after: ComparableOutput,
): OutputComparison {
  const structured = isPresent(before.json) || isPresent(after.json);
  const fields = structured
    ? compareJson(before.json ?? null, after.json ?? null)
    : [leaf('', before.text, after.text)];
  const counts: Record<FieldStatus, number> = { same: 0, changed: 0, added: 0, removed: 0 };
  for (const f of fields) counts[f.status]++;
  return {
    fields,
    counts,
    textSimilarity: textSimilarity(before.text, after.text),
    identical: counts.changed + counts.added + counts.removed === 0,
  };
}

function isPresent(value: unknown): boolean {
  return value !== null && value !== undefined;
}

/** Every leaf of either value, with its status. A subtree only one side has is one entry. */
export function compareJson(before: unknown, after: unknown, path = ''): FieldComparison[] {
  if (Array.isArray(before) && Array.isArray(after)) {
    const out: FieldComparison[] = [];
    for (let i = 0; i < Math.max(before.length, after.length); i++) {
      const at = `${path}[${i}]`;
      if (i >= after.length) out.push({ path: at, status: 'removed', before: before[i] });
      else if (i >= before.length) out.push({ path: at, status: 'added', after: after[i] });
      else out.push(...compareJson(before[i], after[i], at));
    }
    return out.length > 0 ? out : [{ path, status: 'same', before, after }];
  }
  if (isObject(before) && isObject(after)) {
    const keys = [...Object.keys(before), ...Object.keys(after).filter((k) => !(k in before))];
    const out: FieldComparison[] = [];
    for (const key of keys) {
      const at = joinKey(path, key);
      if (!(key in after)) out.push({ path: at, status: 'removed', before: before[key] });
      else if (!(key in before)) out.push({ path: at, status: 'added', after: after[key] });
      else out.push(...compareJson(before[key], after[key], at));
    }
    return out.length > 0 ? out : [{ path, status: 'same', before, after }];
  }
  return [leaf(path, before, after)];
}

function leaf(path: string, before: unknown, after: unknown): FieldComparison {
  const status = deepEqual(before, after) ? 'same' : 'changed';
  const comparison: FieldComparison = { path, status, before, after };
  if (typeof before === 'string' && typeof after === 'string') {
    comparison.similarity = textSimilarity(before, after);
  }
  return comparison;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function joinKey(path: string, key: string): string {
  if (/^[A-Za-z_$][\w$]*$/.test(key)) return path === '' ? key : `${path}.${key}`;
  return `${path}[${JSON.stringify(key)}]`;
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((v, i) => deepEqual(v, b[i]));
  }
  if (isObject(a) && isObject(b)) {
    const keys = Object.keys(a);
    return (
      keys.length === Object.keys(b).length && keys.every((k) => k in b && deepEqual(a[k], b[k]))
    );
  }
  return false;
}

/**
 * 2·M / T over word and punctuation tokens, where M is the length of the longest common
 * subsequence and T the number of tokens in both (the ratio of Python's difflib): 1 for equal
 * texts, 0 for texts that share no token in order.
 */
export function textSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  const ta = tokens(a);
  const tb = tokens(b);
  if (ta.length + tb.length === 0) return 1;
  const matches = alignLines(ta, tb);
  let shared = 0;
  for (const m of matches) if (m >= 0) shared++;
  return (2 * shared) / (ta.length + tb.length);
}

function tokens(text: string): string[] {
  return text.match(/[\p{L}\p{N}_]+|[^\s\p{L}\p{N}_]/gu) ?? [];
}
