// JSON columns read back from the app database are checked against their schema: a damaged row
// becomes a StoreError that names what is damaged (and what to do), never a crash further on.
import type { z } from 'zod';
import { StoreError } from './database.ts';

export function checkStored<S extends z.ZodType>(
  schema: S,
  value: unknown,
  what: string,
  remedy?: string,
): z.output<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    throw new StoreError(
      `The stored ${what} is damaged (${parsed.error.issues[0]?.message ?? 'invalid'})` +
        (remedy ? `; ${remedy}.` : '.'),
    );
  }
  return parsed.data;
}

export function readStoredJson<S extends z.ZodType>(
  schema: S,
  text: string,
  what: string,
  remedy?: string,
): z.output<S> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new StoreError(`The stored ${what} is damaged (not JSON)${remedy ? `; ${remedy}` : ''}.`);
  }
  return checkStored(schema, value, what, remedy);
}
