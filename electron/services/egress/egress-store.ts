// The consent queue, the decisions and the egress log on the app database (migration 7): the
// egress gate's EgressStore, plus what the CLI and the UI read and decide.
import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import type {
  Consent,
  ConsentDecision,
  EgressRequest,
  EgressStatus,
  EgressStore,
} from '../../../native-models/routing/egress-ports.ts';
import { randomId } from '../../../workflows/engine/run-ids.ts';
import { readStoredJson } from '../store/stored-json.ts';

interface RequestRow {
  id: string;
  created_at: string;
  run_id: string | null;
  pass_id: string | null;
  work_item_id: string | null;
  workspace_root: string;
  provider_id: string;
  tier: EgressRequest['tier'];
  model: string;
  destination: string;
  body: string;
  payload_hash: string;
  redaction: string;
  estimate: string;
  reason: string;
  status: EgressStatus;
  consent_id: string | null;
  call_id: string | null;
  sent_at: string | null;
  error: string | null;
}

interface ConsentRow {
  id: string;
  request_id: string;
  decision: ConsentDecision;
  run_id: string | null;
  provider_id: string;
  model: string;
  payload_hash: string;
  decided_at: string;
}

const RedactionSchema = z.object({
  counts: z.record(z.string(), z.number()),
  lines: z.array(z.string()),
});
const EstimateSchema = z.object({
  inputTokens: z.number(),
  maxOutputTokens: z.number(),
  maxCost: z.number(),
  currency: z.string(),
  budgetNotes: z.array(z.string()),
});

function toRequest(row: RequestRow): EgressRequest {
  return {
    id: row.id,
    createdAt: row.created_at,
    runId: row.run_id,
    passId: row.pass_id,
    workItemId: row.work_item_id,
    workspaceRoot: row.workspace_root,
    providerId: row.provider_id,
    tier: row.tier,
    model: row.model,
    destination: row.destination,
    body: JSON.parse(row.body) as unknown,
    payloadHash: row.payload_hash,
    redaction: readStoredJson(RedactionSchema, row.redaction, `redaction report of ${row.id}`),
    estimate: readStoredJson(EstimateSchema, row.estimate, `estimate of ${row.id}`),
    reason: row.reason,
    status: row.status,
    consentId: row.consent_id,
    callId: row.call_id,
    sentAt: row.sent_at,
    error: row.error,
  };
}

const toConsent = (row: ConsentRow): Consent => ({
  id: row.id,
  requestId: row.request_id,
  decision: row.decision,
  runId: row.run_id,
  providerId: row.provider_id,
  model: row.model,
  payloadHash: row.payload_hash,
  decidedAt: row.decided_at,
});

export class ConsentError extends Error {
  override name = 'ConsentError';
}

export class SqliteEgressStore implements EgressStore {
  constructor(private readonly db: Database) {}

  findRequest(payloadHash: string, runId: string | null): EgressRequest | null {
    const row = this.db
      .prepare(
        `SELECT * FROM egress_requests WHERE payload_hash = ? AND run_id IS ?
         ORDER BY created_at DESC, rowid DESC LIMIT 1`,
      )
      .get(payloadHash, runId) as RequestRow | undefined;
    return row ? toRequest(row) : null;
  }

  addRequest(r: EgressRequest): void {
    this.db
      .prepare(
        `INSERT INTO egress_requests (id, created_at, run_id, pass_id, work_item_id, workspace_root,
           provider_id, tier, model, destination, body, payload_hash, redaction, estimate, reason,
           status, consent_id, call_id, sent_at, error)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        r.id,
        r.createdAt,
        r.runId,
        r.passId,
        r.workItemId,
        r.workspaceRoot,
        r.providerId,
        r.tier,
        r.model,
        r.destination,
        JSON.stringify(r.body),
        r.payloadHash,
        JSON.stringify(r.redaction),
        JSON.stringify(r.estimate),
        r.reason,
        r.status,
        r.consentId,
        r.callId,
        r.sentAt,
        r.error,
      );
  }

  getRequest(idOrPrefix: string): EgressRequest {
    const key = idOrPrefix.trim().toUpperCase();
    const rows = this.db
      .prepare("SELECT * FROM egress_requests WHERE id = ? OR id LIKE ? ESCAPE '\\' LIMIT 2")
      .all(key, key.replace(/[\\%_]/g, '\\$&') + '%') as RequestRow[];
    const exact = rows.find((r) => r.id === key);
    if (exact) return toRequest(exact);
    if (rows.length === 1) return toRequest(rows[0]!);
    throw new ConsentError(
      rows.length === 0
        ? `No request ${idOrPrefix}; \`cairn consent list\` shows what waits.`
        : `${idOrPrefix} matches several requests; give more of the ID.`,
    );
  }

  /** The request a recorded call went out under (the call's record links back to its consent). */
  findByCallId(callId: string): EgressRequest | null {
    const row = this.db
      .prepare(
        'SELECT * FROM egress_requests WHERE call_id = ? ORDER BY created_at DESC, rowid DESC LIMIT 1',
      )
      .get(callId) as RequestRow | undefined;
    return row ? toRequest(row) : null;
  }

  /** The queue (waiting for a decision or for the network) or the whole log, newest first. */
  list(
    filter: { statuses?: EgressStatus[]; runId?: string; limit?: number } = {},
  ): EgressRequest[] {
    const where: string[] = [];
    const args: unknown[] = [];
    if (filter.statuses?.length) {
      where.push(`status IN (${filter.statuses.map(() => '?').join(', ')})`);
      args.push(...filter.statuses);
    }
    if (filter.runId) {
      where.push('run_id = ?');
      args.push(filter.runId);
    }
    const rows = this.db
      .prepare(
        `SELECT * FROM egress_requests ${where.length ? 'WHERE ' + where.join(' AND ') : ''}
         ORDER BY created_at DESC, rowid DESC LIMIT ?`,
      )
      .all(...args, filter.limit ?? 200) as RequestRow[];
    return rows.map(toRequest);
  }

  getConsent(id: string): Consent | null {
    const row = this.db.prepare('SELECT * FROM consents WHERE id = ?').get(id) as
      ConsentRow | undefined;
    return row ? toConsent(row) : null;
  }

  standingConsent(runId: string, providerId: string, model: string): Consent | null {
    const row = this.db
      .prepare(
        `SELECT * FROM consents WHERE run_id = ? AND provider_id = ? AND model = ?
           AND decision = 'approve-run' ORDER BY decided_at DESC LIMIT 1`,
      )
      .get(runId, providerId, model) as ConsentRow | undefined;
    return row ? toConsent(row) : null;
  }

  attachConsent(requestId: string, consentId: string): void {
    this.db
      .prepare("UPDATE egress_requests SET consent_id = ?, status = 'approved' WHERE id = ?")
      .run(consentId, requestId);
  }

  setStatus(
    requestId: string,
    status: EgressStatus,
    details: { callId?: string; sentAt?: string; error?: string | null } = {},
  ): void {
    this.db
      .prepare(
        `UPDATE egress_requests SET status = ?, call_id = COALESCE(?, call_id),
           sent_at = COALESCE(?, sent_at), error = ? WHERE id = ?`,
      )
      .run(
        status,
        details.callId ?? null,
        details.sentAt ?? null,
        details.error ?? null,
        requestId,
      );
  }

  /** The user's decision about a waiting request; recorded, then the request moves on. */
  decide(requestId: string, decision: ConsentDecision, now = new Date()): Consent {
    return this.db.transaction(() => {
      const request = this.getRequest(requestId);
      if (request.status !== 'pending' && !(request.status === 'approved' && decision === 'deny')) {
        throw new ConsentError(
          `Request ${request.id} is ${request.status}; there is nothing to decide.`,
        );
      }
      const consent: Consent = {
        id: randomId('CNS', 10),
        requestId: request.id,
        decision,
        runId: request.runId,
        providerId: request.providerId,
        model: request.model,
        payloadHash: request.payloadHash,
        decidedAt: now.toISOString(),
      };
      this.db
        .prepare(
          `INSERT INTO consents (id, request_id, decision, run_id, provider_id, model, payload_hash,
             decided_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          consent.id,
          consent.requestId,
          consent.decision,
          consent.runId,
          consent.providerId,
          consent.model,
          consent.payloadHash,
          consent.decidedAt,
        );
      this.db
        .prepare('UPDATE egress_requests SET status = ?, consent_id = ? WHERE id = ?')
        .run(decision === 'deny' ? 'denied' : 'approved', consent.id, request.id);
      return consent;
    })();
  }
}
