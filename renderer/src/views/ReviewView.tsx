import { PlannedView } from './PlannedView.tsx';

export function ReviewView() {
  return (
    <PlannedView title="Review">
      <p>Pick two versions of the workspace and see what changed, requirement by requirement.</p>
      <p className="muted">Not built yet.</p>
    </PlannedView>
  );
}
