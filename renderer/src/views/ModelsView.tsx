import { PlannedView } from './PlannedView.tsx';

export function ModelsView() {
  return (
    <PlannedView title="Models">
      <p>On-device models, this machine's hardware and the model catalog will appear here.</p>
      <p className="muted">Not built yet — arrives with the on-device models issue.</p>
    </PlannedView>
  );
}
