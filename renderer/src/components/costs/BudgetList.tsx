import { useState } from 'react';
import type { BudgetUse } from '../../../../electron/ipc/contract/costs.ts';
import { useCairn } from '../../state/store.ts';
import { ConfirmDialog } from '../ConfirmDialog.tsx';
import { formatMoney } from '../money.ts';
import { BudgetBar } from './BudgetBar.tsx';
import { LIMIT_FIELDS } from './budget-form.ts';
import { LIMIT_WORDS, SCOPE_WORDS } from './budget-words.ts';

interface Props {
  budgets: BudgetUse[];
  onEdit(budget: BudgetUse): void;
}

export function BudgetList({ budgets, onEdit }: Props) {
  const removeBudget = useCairn((s) => s.removeBudget);
  const [removing, setRemoving] = useState<BudgetUse | null>(null);
  if (budgets.length === 0) {
    return (
      <p className="muted">
        No budgets yet: hosted and cloud models may spend without a limit. Add one below.
      </p>
    );
  }
  return (
    <>
      <table className="data-table budget-table">
        <caption className="visually-hidden">Budgets, what each has spent and its limits</caption>
        <thead>
          <tr>
            <th scope="col">Budget</th>
            <th scope="col">Spent against its limits</th>
            {LIMIT_FIELDS.map((f) => (
              <th key={f} scope="col" className="num">
                {LIMIT_WORDS[f].name} ({LIMIT_WORDS[f].effect})
              </th>
            ))}
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {budgets.map((b) => {
            const label = `${SCOPE_WORDS[b.scope]} ${b.key}`;
            return (
              <tr key={`${b.scope}:${b.key}`}>
                <th scope="row">
                  <span className="budget-scope">{SCOPE_WORDS[b.scope]}</span>
                  <span className="budget-key" title={b.key}>
                    {b.key}
                  </span>
                </th>
                <td className="budget-spent">
                  <BudgetBar budget={b} />
                </td>
                {LIMIT_FIELDS.map((f) => (
                  <td key={f} className="num">
                    {b[f] === null ? (
                      <span className="muted">none</span>
                    ) : (
                      <>
                        <span className={`limit-swatch mark-${f}`} aria-hidden="true" />
                        {formatMoney(b[f], b.currency)}
                      </>
                    )}
                  </td>
                ))}
                <td className="actions">
                  <button type="button" onClick={() => onEdit(b)} aria-label={`Edit ${label}`}>
                    Edit
                  </button>
                  <button
                    type="button"
                    className="danger"
                    onClick={() => setRemoving(b)}
                    aria-label={`Remove ${label}`}
                  >
                    Remove
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {removing && (
        <ConfirmDialog
          title={`Remove the ${SCOPE_WORDS[removing.scope].toLowerCase()} budget?`}
          confirmLabel="Remove budget"
          onCancel={() => setRemoving(null)}
          onConfirm={() => {
            const { scope, key } = removing;
            setRemoving(null);
            void removeBudget(scope, key);
          }}
        >
          <p>
            {removing.key}: calls it covers will no longer be limited by it. What was spent stays on
            record.
          </p>
        </ConfirmDialog>
      )}
    </>
  );
}
