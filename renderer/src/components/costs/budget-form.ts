// The budget form's values (text, as typed) to the contract's input, validated with the same zod
// schema the core checks, so an error shows next to its field before anything is sent.
import {
  BudgetInputSchema,
  type BudgetInput,
  type BudgetScope,
} from '../../../../electron/ipc/contract/costs.ts';

export const LIMIT_FIELDS = ['soft', 'hard', 'block'] as const;
export type LimitField = (typeof LIMIT_FIELDS)[number];

export interface BudgetFormValues {
  scope: BudgetScope;
  key: string;
  soft: string;
  hard: string;
  block: string;
}

export type BudgetFormErrors = Partial<Record<'key' | LimitField | 'form', string>>;

function amount(text: string): number | null {
  const trimmed = text.trim();
  // A decimal comma reads as a point (1,50 is 1.50); anything else that is not a number fails.
  return trimmed === '' ? null : Number(trimmed.replace(/^(\d*),(\d+)$/, '$1.$2'));
}

export function parseBudgetForm(
  values: BudgetFormValues,
): { input: BudgetInput; errors: null } | { input: null; errors: BudgetFormErrors } {
  const parsed = BudgetInputSchema.safeParse({
    scope: values.scope,
    key: values.key.trim() || undefined,
    soft: amount(values.soft),
    hard: amount(values.hard),
    block: amount(values.block),
  });
  if (parsed.success) return { input: parsed.data, errors: null };
  const errors: BudgetFormErrors = {};
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? 'form');
    const at = (
      field in { key: 1, soft: 1, hard: 1, block: 1 } ? field : 'form'
    ) as keyof BudgetFormErrors;
    errors[at] ??= issue.message;
  }
  return { input: null, errors };
}

/** The core's field issues (`soft: must be 0 or more`) as form errors. */
export function errorsFromIssues(message: string, issues: string[] | undefined): BudgetFormErrors {
  const errors: BudgetFormErrors = {};
  for (const line of issues ?? []) {
    const [field, ...rest] = line.split(': ');
    if (field === 'key' || LIMIT_FIELDS.includes(field as LimitField))
      errors[field as 'key' | LimitField] ??= rest.join(': ');
  }
  if (Object.keys(errors).length === 0) errors.form = message;
  return errors;
}
