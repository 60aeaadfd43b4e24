// The single egress point for model calls. Before a request leaves the machine: it is redacted
// (failing closed), its exact body is built, its cost is bounded and reserved against every
// budget that covers it, and it waits in a durable queue until the user has seen destination,
// model, body, estimate and redaction report and approved it (once, or for the run). A denied
// request never goes; an approved one offline waits and goes when the run resumes. Every send is
// logged (before and after) with the consent it went under, and linked to its envelope.
import type {
  CallContext,
  ModelGenerateRequest,
  ModelGenerateResult,
} from '../../workflows/engine/ports.ts';
import { PassDeferredError } from '../../workflows/engine/deferral.ts';
import type { EscalationTier } from '../../workflows/engine/run-state.ts';
import { newCallId, randomId } from '../../workflows/engine/run-ids.ts';
import { hashJson } from '../../workflows/records/canonical-json.ts';
import type { ModelIdentity } from '../../workflows/records/envelope.ts';
import type {
  BudgetPort,
  Consent,
  EgressRequest,
  EgressStore,
  PricePort,
  Redaction,
  Redactor,
} from './egress-ports.ts';

/** A model off this machine, as the gate sees it: how to build a request and how to send it. */
export interface RemoteTarget {
  providerId: string;
  tier: EscalationTier;
  model: string;
  identity: ModelIdentity;
  build(request: ModelGenerateRequest): { destination: string; body: unknown };
  send(
    built: { destination: string; body: unknown },
    request: ModelGenerateRequest,
  ): Promise<ModelGenerateResult>;
}

export class EgressRefusedError extends Error {
  override name = 'EgressRefusedError';
}

export interface EgressGateOptions {
  store: EgressStore;
  budgets: BudgetPort;
  prices: PricePort;
  redact: Redactor;
  now?: () => Date;
  /** Told when a request starts waiting for consent (the UI shows the dialog). */
  onPending?: (request: EgressRequest) => void;
}

/** A rough token count for a request body: no remote tokenizer is at hand before it is sent. */
const CHARS_PER_TOKEN = 4;

export class EgressGate {
  private readonly now: () => Date;

  constructor(private readonly options: EgressGateOptions) {
    this.now = options.now ?? (() => new Date());
  }

  async send(
    target: RemoteTarget,
    request: ModelGenerateRequest,
    workspaceRoot: string,
  ): Promise<ModelGenerateResult> {
    const context: CallContext = request.context ?? {
      callId: newCallId(),
      runId: null,
      passId: null,
      workItemId: null,
      reason: 'asked directly',
    };
    let redaction: Redaction;
    try {
      redaction = this.options.redact(request.messages);
    } catch (error) {
      throw new EgressRefusedError(
        `Redaction failed (${(error as Error).message}), so nothing was sent to ${target.providerId}.`,
      );
    }
    const redacted: ModelGenerateRequest = { ...request, messages: redaction.messages };
    const built = target.build(redacted);
    const payloadHash = hashJson({ destination: built.destination, body: built.body });
    const inputTokens = Math.ceil(JSON.stringify(built.body).length / CHARS_PER_TOKEN);
    const bound = this.options.prices.cost(target.identity, {
      input: inputTokens,
      output: request.maxTokens,
    });

    let pending = this.options.store.findRequest(payloadHash, context.runId);
    if (pending?.status === 'denied') {
      throw new EgressRefusedError(
        `You denied sending this request to ${target.providerId} (${pending.id}); nothing was sent.`,
      );
    }
    const consent = this.consentFor(pending, target, context);
    const preview = this.options.budgets.preview({
      workspaceRoot,
      workItemId: context.workItemId,
      amount: bound.amount,
    });
    if (preview.blocked) throw new EgressRefusedError(`${preview.blocked}; nothing was sent.`);
    // Over a hard limit a standing approval is not enough: this request itself must be approved.
    const asked = consent && (consent.decision === 'approve-once' || !preview.mustAsk);
    if (!pending) {
      pending = {
        id: randomId('EGR', 10),
        createdAt: this.now().toISOString(),
        runId: context.runId,
        passId: context.passId,
        workItemId: context.workItemId,
        workspaceRoot,
        providerId: target.providerId,
        tier: target.tier,
        model: target.model,
        destination: built.destination,
        body: built.body,
        payloadHash,
        redaction: redaction.summary,
        estimate: {
          inputTokens,
          maxOutputTokens: request.maxTokens,
          maxCost: bound.amount,
          currency: bound.currency,
          budgetNotes: preview.notes,
        },
        reason: context.reason,
        status: asked ? 'approved' : 'pending',
        consentId: asked ? consent.id : null,
        callId: null,
        sentAt: null,
        error: null,
      };
      this.options.store.addRequest(pending);
    } else if (asked && pending.consentId !== consent.id) {
      this.options.store.attachConsent(pending.id, consent.id);
    }
    if (!asked) {
      this.options.onPending?.(pending);
      throw new PassDeferredError(
        `the request to ${target.providerId} (${target.model}) waits for your consent (${pending.id})` +
          (preview.mustAsk ? ', because it would pass a hard budget limit' : ''),
        pending.id,
      );
    }

    const reservation = this.options.budgets.reserve({
      requestId: pending.id,
      workspaceRoot,
      workItemId: context.workItemId,
      amount: bound.amount,
      currency: bound.currency,
    });
    if (!reservation.ok) throw new EgressRefusedError(`${reservation.reason}; nothing was sent.`);
    this.options.store.setStatus(pending.id, 'sending', { callId: context.callId });
    let result: ModelGenerateResult;
    try {
      result = await target.send(built, redacted);
    } catch (error) {
      this.options.budgets.release(reservation.id);
      if (isUnreachable(error)) {
        this.options.store.setStatus(pending.id, 'approved', {
          error: `not sent: ${(error as Error).message}`,
        });
        throw new PassDeferredError(
          `${target.providerId} cannot be reached (offline?); the approved request ${pending.id} goes when the run resumes`,
          pending.id,
        );
      }
      this.options.store.setStatus(pending.id, 'failed', { error: (error as Error).message });
      throw error;
    }
    const cost = this.options.prices.cost(result.identity, {
      input: result.tokens.input,
      output: result.tokens.output,
    });
    this.options.budgets.settle(reservation.id, cost.amount);
    this.options.store.setStatus(pending.id, 'sent', {
      callId: context.callId,
      sentAt: this.now().toISOString(),
      error: null,
    });
    return {
      ...result,
      text: redaction.restore(result.text),
      json: result.json === undefined ? undefined : restoreJson(result.json, redaction),
      sentMessages: redaction.messages,
    };
  }

  private consentFor(
    pending: EgressRequest | null,
    target: RemoteTarget,
    context: CallContext,
  ): Consent | null {
    if (pending?.consentId) {
      const given = this.options.store.getConsent(pending.consentId);
      if (given && given.decision !== 'deny') return given;
    }
    if (context.runId) {
      return this.options.store.standingConsent(context.runId, target.providerId, target.model);
    }
    return null;
  }
}

function restoreJson(value: unknown, redaction: Redaction): unknown {
  return JSON.parse(redaction.restore(JSON.stringify(value)));
}

function isUnreachable(error: unknown): boolean {
  const failure = (error as { failure?: string } | null)?.failure;
  return failure === 'unreachable' || failure === 'timeout';
}
