// The plain words for what waits for the network. Kept apart from the slices so that it has no
// tie to the store (and tests in Node can load it).

/** What the status bar counts: commits not yet pushed and requests waiting to leave. */
export interface WaitingCounts {
  commitsWaiting: number;
  waiting: readonly unknown[] | null;
}

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** "2 commits and 1 request", or null when nothing waits. */
export function waitingForNetwork(s: WaitingCounts): string | null {
  const requests = s.waiting?.length ?? 0;
  const parts = [
    s.commitsWaiting > 0 ? count(s.commitsWaiting, 'commit', 'commits') : null,
    requests > 0 ? count(requests, 'request', 'requests') : null,
  ].filter((p): p is string => p !== null);
  if (parts.length === 0) return null;
  const total = s.commitsWaiting + requests;
  return `${parts.join(' and ')} ${total === 1 ? 'waits' : 'wait'} for the network`;
}

/** The plain words the status bar shows, and every network action says when it cannot run. */
export function offlineMessage(s: WaitingCounts): string {
  const waiting = waitingForNetwork(s);
  return `Offline — everything on this computer works${waiting ? `; ${waiting}` : ''}`;
}
