import { PlannedView } from './PlannedView.tsx';

export function RecordsView() {
  return (
    <PlannedView title="Records">
      <p>
        Every model call, exactly as sent and received: replay it, or re-run it on another model.
      </p>
      <p className="muted">Not built yet.</p>
    </PlannedView>
  );
}
