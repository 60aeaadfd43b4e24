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
