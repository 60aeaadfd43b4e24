import { PlannedView } from './PlannedView.tsx';

export function RunsView() {
  return (
    <PlannedView title="Runs">
      <p>
        Workflow runs and their records will appear here: every model call, replayable and costed.
      </p>
      <p className="muted">Not built yet — arrives with the workflows issue.</p>
    </PlannedView>
  );
}
