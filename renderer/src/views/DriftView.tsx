import { PlannedView } from './PlannedView.tsx';

export function DriftView() {
  return (
    <PlannedView title="Drift">
      <p>
        Code that moved on without its spec, specs that moved on without code, and requirement
        coverage.
      </p>
      <p className="muted">Not built yet.</p>
    </PlannedView>
  );
}
