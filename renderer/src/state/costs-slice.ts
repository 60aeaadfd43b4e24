import type { StateCreator } from 'zustand';
import type { CairnError, OutputOf } from '../../../electron/ipc/contract.ts';
import type {
  BudgetInput,
  BudgetScope,
  BudgetUse,
  CostSummary,
} from '../../../electron/ipc/contract/costs.ts';
import { api } from './api.ts';
import type { CairnState } from './store.ts';

export type CostMetric = 'tokens' | 'time' | 'money';
export type CostPeriod = 7 | 30 | 90;
export type BudgetDefaults = Omit<OutputOf<'budgets.list'>, 'budgets'>;

/** What went wrong, in the core's words, with field-level issues for invalid input. */
export interface CostsProblem {
  message: string;
  issues?: string[];
}

export interface CostsSlice {
  costMetric: CostMetric;
  costPeriod: CostPeriod;
  costSummary: CostSummary | null;
  costsLoading: boolean;
  costsError: CostsProblem | null;
  budgetList: BudgetUse[] | null;
  budgetDefaults: BudgetDefaults | null;
  budgetsError: CostsProblem | null;
  /** What the last budget action did, for the view's status line. */
  budgetNotice: string | null;
  setCostMetric(metric: CostMetric): void;
  setCostPeriod(period: CostPeriod): void;
  loadCosts(): Promise<void>;
  loadBudgets(): Promise<void>;
  /** Saves a budget; the problem (with field issues) when the core refused it. */
  saveBudget(input: BudgetInput): Promise<CostsProblem | null>;
  removeBudget(scope: BudgetScope, key: string): Promise<void>;
}

const problem = (error: CairnError): CostsProblem => ({
  message: error.message,
  ...(error.issues ? { issues: error.issues } : {}),
});

const SCOPE_WORDS: Record<BudgetScope, string> = {
  workspace: 'workspace',
  item: 'work item',
  month: 'month',
};

export const createCostsSlice: StateCreator<CairnState, [], [], CostsSlice> = (set, get) => ({
  costMetric: 'tokens',
  costPeriod: 30,
  costSummary: null,
  costsLoading: false,
  costsError: null,
  budgetList: null,
  budgetDefaults: null,
  budgetsError: null,
  budgetNotice: null,

  setCostMetric: (costMetric) => set({ costMetric }),
  setCostPeriod(costPeriod) {
    set({ costPeriod });
    void get().loadCosts();
  },

  async loadCosts() {
    const days = get().costPeriod;
    set({ costsLoading: true });
    const result = await api().invoke('costs.summary', {
      days,
      utcOffsetMinutes: -new Date().getTimezoneOffset(),
    });
    // A later period choice wins over an answer that arrives late.
    if (get().costPeriod !== days) return;
    set(
      result.ok
        ? { costSummary: result.value, costsError: null, costsLoading: false }
        : { costsError: problem(result.error), costsLoading: false },
    );
  },

  async loadBudgets() {
    const result = await api().invoke('budgets.list', {});
    if (!result.ok) return set({ budgetsError: problem(result.error) });
    const { budgets, ...defaults } = result.value;
    set({ budgetList: budgets, budgetDefaults: defaults, budgetsError: null });
  },

  async saveBudget(input) {
    set({ budgetNotice: null });
    const result = await api().invoke('budgets.set', input);
    if (!result.ok) return problem(result.error);
    const saved = result.value;
    set({ budgetNotice: `Saved the ${SCOPE_WORDS[saved.scope]} budget ${saved.key}.` });
    await get().loadBudgets();
    return null;
  },

  async removeBudget(scope, key) {
    set({ budgetNotice: null, budgetsError: null });
    const result = await api().invoke('budgets.remove', { scope, key });
    if (!result.ok) return set({ budgetsError: problem(result.error) });
    set({ budgetNotice: `Removed the ${SCOPE_WORDS[scope]} budget ${key}.` });
    await get().loadBudgets();
  },
});
