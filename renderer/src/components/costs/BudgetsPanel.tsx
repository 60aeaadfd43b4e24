import { useEffect, useState } from 'react';
import type { BudgetUse } from '../../../../electron/ipc/contract/costs.ts';
import { useCairn } from '../../state/store.ts';
import { BudgetForm } from './BudgetForm.tsx';
import { BudgetList } from './BudgetList.tsx';
import { LIMIT_FIELDS } from './budget-form.ts';
import { LIMIT_WORDS } from './budget-words.ts';

/** Budgets with their limits, what each has spent, and the form to add or change one. */
export function BudgetsPanel() {
  const budgets = useCairn((s) => s.budgetList);
  const defaults = useCairn((s) => s.budgetDefaults);
  const error = useCairn((s) => s.budgetsError);
  const notice = useCairn((s) => s.budgetNotice);
  const loadBudgets = useCairn((s) => s.loadBudgets);
  const [editing, setEditing] = useState<BudgetUse | null>(null);

  useEffect(() => {
    void loadBudgets();
  }, [loadBudgets]);

  return (
    <section className="panel budgets" aria-labelledby="budgets-title">
      <h2 id="budgets-title">Budgets</h2>
      <p className="muted">
        Before each hosted or cloud call, its most expensive outcome is reserved against every
        budget that covers it (its workspace, its work item, this month), then settled at what it
        cost. On-device models cost nothing.
      </p>
      <dl className="limit-legend">
        {LIMIT_FIELDS.map((f) => (
          <div key={f}>
            <dt>
              <span className={`limit-swatch mark-${f}`} aria-hidden="true" />
              {LIMIT_WORDS[f].name} — {LIMIT_WORDS[f].effect}
            </dt>
            <dd>{LIMIT_WORDS[f].detail}</dd>
          </div>
        ))}
      </dl>
      {error && (
        <div className="error" role="alert">
          <p>{error.message}</p>
        </div>
      )}
      {defaults?.priceProblem && (
        <p className="warn-note" role="status">
          The price table could not be read, so budgets are counted in {defaults.currency}:{' '}
          {defaults.priceProblem}
        </p>
      )}
      <div role="status" className="notice">
        {notice}
      </div>
      {budgets === null ? (
        <p className="muted">Loading budgets…</p>
      ) : (
        <BudgetList budgets={budgets} onEdit={setEditing} />
      )}
      {defaults && (
        <BudgetForm
          key={editing ? `${editing.scope}:${editing.key}` : 'new'}
          defaults={defaults}
          editing={editing}
          onDone={() => setEditing(null)}
        />
      )}
    </section>
  );
}
