/** Each item whose key an earlier item already had, with that first item. Null keys are skipped. */
export function repeats<T>(
  items: Iterable<T>,
  keyOf: (item: T) => string | null | undefined,
): { item: T; first: T }[] {
  const firsts = new Map<string, T>();
  const found: { item: T; first: T }[] = [];
  for (const item of items) {
    const key = keyOf(item);
    if (key === null || key === undefined) continue;
    const first = firsts.get(key);
    if (first === undefined) firsts.set(key, item);
    else found.push({ item, first });
  }
  return found;
}
