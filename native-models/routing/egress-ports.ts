// What the egress gate needs from the rest of the app: where consent requests, decisions and
// the egress log are kept (SQLite, in electron/services/egress), budgets with reservations,
// the redactor, and the request builder and SDK clients for each provider.
import type { ChatMessage, ModelIdentity } from '../../workflows/records/envelope.ts';
import type { EscalationTier } from '../../workflows/engine/run-state.ts';

export type ConsentDecision = 'approve-once' | 'approve-run' | 'deny';

export type EgressStatus = 'pending' | 'approved' | 'denied' | 'sending' | 'sent' | 'failed';

export interface EgressEstimate {
  inputTokens: number;
  maxOutputTokens: number;
  /** The most the call can cost, from its max-token bound and the price table. */
  maxCost: number;
  currency: string;
  /** Budget limits this request would pass, in words (a hard limit means it must be asked). */
  budgetNotes: string[];
}

/** One request that wants to leave the machine: what the consent dialog shows, exactly. */
export interface EgressRequest {
  id: string;
  createdAt: string;
  runId: string | null;
  passId: string | null;
  workItemId: string | null;
  workspaceRoot: string;
  providerId: string;
  tier: EscalationTier;
  model: string;
  /** The URL the body goes to. */
  destination: string;
  /** The exact JSON body, after redaction. */
  body: unknown;
  /** SHA-256 of destination and body: the same request hashes the same. */
  payloadHash: string;
  redaction: RedactionSummary;
  estimate: EgressEstimate;
  /** Why it wants to leave (the routing policy, an escalation). */
  reason: string;
  status: EgressStatus;
  consentId: string | null;
  /** The envelope the call was recorded under, once it was sent. */
  callId: string | null;
  sentAt: string | null;
  error: string | null;
}

export interface Consent {
  id: string;
  requestId: string;
  decision: ConsentDecision;
  runId: string | null;
  providerId: string;
  model: string;
  payloadHash: string;
  decidedAt: string;
}

export interface RedactionSummary {
  /** Count per pattern (`email: 2`), never the values. */
  counts: Record<string, number>;
  /** Readable lines: which pattern, where, and a masked preview. */
  lines: string[];
}

export interface EgressStore {
  /** The newest request with this payload in this run (or outside runs), if any. */
  findRequest(payloadHash: string, runId: string | null): EgressRequest | null;
  addRequest(request: EgressRequest): void;
  getConsent(id: string): Consent | null;
  /** An approve-run consent for this run, provider and model. */
  standingConsent(runId: string, providerId: string, model: string): Consent | null;
  /** Links a request to the consent that lets it go (a standing approval reused). */
  attachConsent(requestId: string, consentId: string): void;
  setStatus(
    requestId: string,
    status: EgressStatus,
    details?: { callId?: string; sentAt?: string; error?: string | null },
  ): void;
}

export type BudgetReservation =
  { ok: true; id: string; notes: string[]; mustAsk: boolean } | { ok: false; reason: string };

export interface BudgetPort {
  /** Reserves the most a call can cost against every budget that covers it, atomically. */
  reserve(claim: {
    requestId: string;
    workspaceRoot: string;
    workItemId: string | null;
    amount: number;
    currency: string;
  }): BudgetReservation;
  /** Settles a reservation at what the call really cost. */
  settle(reservationId: string, amount: number): void;
  release(reservationId: string): void;
  /** What a reservation of `amount` would meet, without reserving (for the consent dialog). */
  preview(claim: { workspaceRoot: string; workItemId: string | null; amount: number }): {
    blocked: string | null;
    notes: string[];
    mustAsk: boolean;
  };
}

export interface Redaction {
  messages: ChatMessage[];
  summary: RedactionSummary;
  /** Puts the originals back into text the provider returned (locally, never sent). */
  restore(text: string): string;
}

/** Fails closed: any exception means nothing is sent. */
export type Redactor = (messages: ChatMessage[]) => Redaction;

export interface PricePort {
  /** Money for these token counts on this model; throws when a cloud model has no price. */
  cost(
    identity: ModelIdentity,
    tokens: { input: number; output: number },
  ): {
    amount: number;
    currency: string;
    priceTable: string | null;
  };
}
