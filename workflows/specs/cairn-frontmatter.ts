// The frontmatter of a Cairn spec (resources/spec-format.md), as a zod schema.
import { z } from 'zod';

export const DOCUMENT_TYPES = ['prd', 'requirements', 'design', 'tasks'] as const;
export const DOCUMENT_STATUSES = [
  'draft',
  'review',
  'approved',
  'in-progress',
  'done',
  'deprecated',
  'superseded',
] as const;

const stringOrList = z.union([z.string().min(1), z.array(z.string().min(1))], {
  message: 'must be a path or a list of paths',
});

export const CairnFrontmatterSchema = z.looseObject({
  id: z.string({ message: 'is required: a stable document ID such as SPEC-offline-review' }).min(1),
  title: z.string({ message: 'is required: the document title' }).min(1),
  type: z.enum(DOCUMENT_TYPES, { message: `must be one of ${DOCUMENT_TYPES.join(', ')}` }),
  status: z
    .enum(DOCUMENT_STATUSES, { message: `must be one of ${DOCUMENT_STATUSES.join(', ')}` })
    .optional(),
  owners: z.array(z.string().min(1), { message: 'must be a list of names' }).optional(),
  covers: stringOrList.optional(),
  links: stringOrList.optional(),
});

const isName = (value: unknown) => typeof value === 'string' && value.length > 0;

function isNameList(value: unknown): boolean {
  if (!Array.isArray(value)) return false;
  for (let i = 0; i < value.length; i++) if (!isName(value[i])) return false;
  return true;
}

/**
 * True only when CairnFrontmatterSchema accepts `data`: the common case, checked without zod
 * (whose first calls cost more than a small spec's whole parse). False means "ask zod".
 */
export function plainlyValidFrontmatter(data: unknown): boolean {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return false;
  const d = data as Record<string, unknown>;
  return (
    isName(d['id']) &&
    isName(d['title']) &&
    (DOCUMENT_TYPES as readonly unknown[]).includes(d['type']) &&
    (d['status'] === undefined ||
      (DOCUMENT_STATUSES as readonly unknown[]).includes(d['status'])) &&
    (d['owners'] === undefined || isNameList(d['owners'])) &&
    (d['covers'] === undefined || isName(d['covers']) || isNameList(d['covers'])) &&
    (d['links'] === undefined || isName(d['links']) || isNameList(d['links']))
  );
}
