import { PlannedView } from './PlannedView.tsx';

export function CostsView() {
  return (
    <PlannedView title="Costs">
      <p>Tokens, time and money by day, workflow and work item, and budgets with their limits.</p>
      <p className="muted">Not built yet.</p>
    </PlannedView>
  );
}
