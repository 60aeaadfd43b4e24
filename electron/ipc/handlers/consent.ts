// Handlers of the consent.* channels, on the consent queue and egress log in the app database.
import { ConsentError, SqliteEgressStore } from '../../services/egress/egress-store.ts';
import type { Core } from '../../services/core.ts';
import { resumeAfterConsent } from '../../services/workflows/resume-after-consent.ts';
import type { consentChannels } from '../contract/consent.ts';
import type { Handlers } from '../dispatch.ts';
import { CairnFailure } from '../failure.ts';

type ConsentHandlers = Pick<Handlers, keyof typeof consentChannels>;

export function createConsentHandlers(core: Core): ConsentHandlers {
  const store = new SqliteEgressStore(core.db);
  /** The decision stands whatever happens here; a run that cannot go on says so in its view. */
  const resume = (runId: string) => {
    try {
      resumeAfterConsent(core.workflows, core.activeRuns, runId);
    } catch (error) {
      console.warn(`[consent] run ${runId} did not go on after the decision: ${String(error)}`);
    }
  };
  return {
    'consent.list': () => ({ waiting: store.list({ statuses: ['pending', 'approved'] }) }),
    'consent.decide': ({ requestId, decision }) => {
      try {
        const consent = store.decide(requestId, decision);
        if (consent.runId) resume(consent.runId);
        return {
          id: consent.id,
          requestId: consent.requestId,
          decision: consent.decision,
          runId: consent.runId,
          providerId: consent.providerId,
          model: consent.model,
          decidedAt: consent.decidedAt,
        };
      } catch (error) {
        if (error instanceof ConsentError) throw new CairnFailure('not_found', error.message);
        throw error;
      }
    },
    'consent.log': ({ limit }) => ({
      entries: store.list({ statuses: ['sending', 'sent', 'failed'], limit: limit ?? 200 }),
    }),
  };
}
