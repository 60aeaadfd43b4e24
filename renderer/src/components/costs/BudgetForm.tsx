import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { BudgetScope, BudgetUse } from '../../../../electron/ipc/contract/costs.ts';
import type { BudgetDefaults } from '../../state/costs-slice.ts';
import { useCairn } from '../../state/store.ts';
import {
  errorsFromIssues,
  LIMIT_FIELDS,
  parseBudgetForm,
  type BudgetFormErrors,
  type BudgetFormValues,
} from './budget-form.ts';
import { LIMIT_WORDS, SCOPE_WORDS } from './budget-words.ts';

interface Props {
  defaults: BudgetDefaults;
  /** The budget being edited; null to add one. */
  editing: BudgetUse | null;
  onDone(): void;
}

const text = (n: number | null) => (n === null ? '' : String(n));

function initialValues(defaults: BudgetDefaults, editing: BudgetUse | null): BudgetFormValues {
  if (editing) {
    return {
      scope: editing.scope,
      key: editing.key,
      soft: text(editing.soft),
      hard: text(editing.hard),
      block: text(editing.block),
    };
  }
  return { scope: 'month', key: defaults.month, soft: '', hard: '', block: '' };
}

function defaultKey(scope: BudgetScope, defaults: BudgetDefaults): string {
  return scope === 'workspace'
    ? (defaults.workspaceRoot ?? '')
    : scope === 'month'
      ? defaults.month
      : '';
}

const KEY_LABEL: Record<BudgetScope, string> = {
  workspace: 'Workspace folder',
  item: 'Work item ID',
  month: 'Month',
};

/**
 * Adds a budget, or changes the limits of one; errors show next to their fields and the first
 * field in error takes the focus. Give it a `key` per budget edited, so it starts afresh.
 */
export function BudgetForm({ defaults, editing, onDone }: Props) {
  const saveBudget = useCairn((s) => s.saveBudget);
  const [values, setValues] = useState(() => initialValues(defaults, editing));
  const [errors, setErrors] = useState<BudgetFormErrors>({});
  const [saving, setSaving] = useState(false);
  const firstField = useRef<HTMLSelectElement & HTMLInputElement>(null);
  const id = useId();

  useEffect(() => {
    // Editing starts at the limits (the scope and key stay as they are).
    if (editing) firstField.current?.focus();
  }, [editing]);

  const focusFirstError = (found: BudgetFormErrors) => {
    const field = (['key', ...LIMIT_FIELDS] as const).find((f) => found[f]);
    if (field) document.getElementById(`${id}-${field}`)?.focus();
  };

  const set = (patch: Partial<BudgetFormValues>) => setValues((v) => ({ ...v, ...patch }));
  const describedBy = (field: string, extra?: string) =>
    [extra, errors[field as keyof BudgetFormErrors] ? `${id}-${field}-error` : null]
      .filter(Boolean)
      .join(' ') || undefined;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = parseBudgetForm(values);
    if (parsed.errors) {
      setErrors(parsed.errors);
      return focusFirstError(parsed.errors);
    }
    setSaving(true);
    const problem = await saveBudget(parsed.input);
    setSaving(false);
    if (problem) {
      const found = errorsFromIssues(problem.message, problem.issues);
      setErrors(found);
      return focusFirstError(found);
    }
    setErrors({});
    setValues(initialValues(defaults, null));
    onDone();
  }

  const fieldError = (field: keyof BudgetFormErrors) =>
    errors[field] ? (
      <p id={`${id}-${field}-error`} className="field-error">
        {errors[field]}
      </p>
    ) : null;

  return (
    <form className="budget-form" onSubmit={submit} noValidate aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>
        {editing ? `Change the ${SCOPE_WORDS[editing.scope].toLowerCase()} budget` : 'Add a budget'}
      </h3>
      <div className="budget-form-row">
        <div className="field">
          <label htmlFor={`${id}-scope`}>Applies to</label>
          <select
            id={`${id}-scope`}
            ref={editing ? undefined : firstField}
            value={values.scope}
            disabled={editing !== null}
            onChange={(e) => {
              const scope = e.target.value as BudgetScope;
              set({ scope, key: defaultKey(scope, defaults) });
            }}
          >
            {(['month', 'workspace', 'item'] as const).map((s) => (
              <option key={s} value={s}>
                {SCOPE_WORDS[s]}
              </option>
            ))}
          </select>
        </div>
        <div className="field field-key">
          <label htmlFor={`${id}-key`}>{KEY_LABEL[values.scope]}</label>
          <input
            id={`${id}-key`}
            type={values.scope === 'month' ? 'month' : 'text'}
            value={values.key}
            readOnly={editing !== null}
            placeholder={values.scope === 'item' ? 'FEAT-7KQ2M4' : undefined}
            aria-invalid={errors.key ? true : undefined}
            aria-describedby={describedBy('key')}
            onChange={(e) => set({ key: e.target.value })}
          />
          {fieldError('key')}
        </div>
      </div>
      <div className="budget-form-row">
        {LIMIT_FIELDS.map((field) => (
          <div className="field" key={field}>
            <label htmlFor={`${id}-${field}`}>
              {LIMIT_WORDS[field].name} limit ({defaults.currency})
            </label>
            <input
              id={`${id}-${field}`}
              ref={editing && field === 'soft' ? firstField : undefined}
              type="text"
              inputMode="decimal"
              autoComplete="off"
              value={values[field]}
              aria-invalid={errors[field] ? true : undefined}
              aria-describedby={describedBy(field, `${id}-${field}-hint`)}
              onChange={(e) => set({ [field]: e.target.value })}
            />
            <p id={`${id}-${field}-hint`} className="small muted">
              {LIMIT_WORDS[field].detail}
            </p>
            {fieldError(field)}
          </div>
        ))}
      </div>
      {errors.form && (
        <p className="field-error" role="alert">
          Could not save: {errors.form}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="primary" disabled={saving}>
          {editing ? 'Save changes' : 'Add budget'}
        </button>
        {editing && (
          <button type="button" onClick={onDone}>
            Cancel
          </button>
        )}
        <span className="small muted">Leave a limit empty for none; give at least one.</span>
      </div>
    </form>
  );
}
