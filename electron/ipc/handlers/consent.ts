// Handlers of the consent.* channels, on the consent queue and egress log in the app database.
import { ConsentError, SqliteEgressStore } from '../../services/egress/egress-store.ts';
import type { Core } from '../../services/core.ts';
import type { consentChannels } from '../contract/consent.ts';
import type { Handlers } from '../dispatch.ts';
import { CairnFailure } from '../failure.ts';

type ConsentHandlers = Pick<Handlers, keyof typeof consentChannels>;

export function createConsentHandlers(core: Core): ConsentHandlers {
  const store = new SqliteEgressStore(core.db);
  return {
    'consent.list': () => ({ waiting: store.list({ statuses: ['pending', 'approved'] }) }),
    'consent.decide': ({ requestId, decision }) => {
      try {
        const consent = store.decide(requestId, decision);
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
