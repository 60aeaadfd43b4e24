// A pass that cannot finish yet — its request waits for the user's consent, or for the network
// — is not a failure: the run is marked deferred with the reason, and the pass runs again when
// the run is resumed (after consent is given, or back online).
export class PassDeferredError extends Error {
  override name = 'PassDeferredError';
  constructor(
    message: string,
    /** What the run waits for, for the UI's queue: a consent request ID, say. */
    readonly waitingFor: string | null = null,
  ) {
    super(message);
  }
}

export function isDeferral(error: unknown): error is PassDeferredError {
  return (
    error instanceof PassDeferredError || (error as Error | null)?.name === 'PassDeferredError'
  );
}
