// A run deferred because its requests wait for consent goes on by itself once the user has
// decided every one of them (approved requests are then sent; a denied one fails its pass with
// the user's decision in words). A run deferred for another reason, or still waiting on an
// undecided request, is left as it is.
import type { ActiveRuns } from './active-runs.ts';
import type { WorkflowServices } from './workflow-services.ts';

/** Whether the decision let run `runId` go on (it is being driven again). */
export function resumeAfterConsent(
  services: WorkflowServices,
  active: ActiveRuns,
  runId: string,
): boolean {
  const run = services.workflows.runs.findRun(runId);
  if (!run || run.status !== 'deferred' || active.isActive(run.id)) return false;
  const undecided = services.escalation.egress.list({ statuses: ['pending'], runId: run.id });
  if (undecided.length > 0) return false;
  services.workflows.engineFor(run).resume(run.id);
  active.start(run.id);
  return true;
}
