// How the Records view writes the numbers and names of a recorded call.
import type { Envelope } from '../../../../workflows/records/envelope.ts';
import { formatMoney } from '../money.ts';
import type { RecordSummary } from '../../state/records-slice.ts';

const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

export function formatCount(n: number): string {
  return integer.format(n);
}

/** Milliseconds as people read them: 840 ms, 3.2 s, 2 min 5 s. */
export function formatMs(ms: number | null): string {
  if (ms === null) return '–';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)} s`;
  const minutes = Math.floor(ms / 60_000);
  return `${minutes} min ${Math.round((ms - minutes * 60_000) / 1000)} s`;
}

/** A recorded time in this machine's time zone, to the second. */
export function formatTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

export function formatCost(cost: { amount: number; currency: string }): string {
  return formatMoney(cost.amount, cost.currency);
}

export type Outcome = 'ok' | 'failed' | 'cache-hit';

export const OUTCOME_LABEL: Record<Outcome, string> = {
  ok: 'OK',
  failed: 'Failed',
  'cache-hit': 'Cache hit',
};

export function outcomeOf(call: Pick<RecordSummary, 'kind' | 'ok'>): Outcome {
  if (!call.ok) return 'failed';
  return call.kind === 'cache-hit' ? 'cache-hit' : 'ok';
}

export function envelopeOutcome(e: Envelope): Outcome {
  return outcomeOf({ kind: e.kind, ok: e.error === null });
}

/** The model as a person knows it: its registered name, else provider and name. */
export function modelLabel(model: Envelope['model'], registeredName: string | null): string {
  if (registeredName) return registeredName;
  return model.tier === 'local' ? `model ${model.name}` : `${model.provider} ${model.name}`;
}

/** A JSON value for reading: pretty-printed, `undefined` said in words. */
export function formatJson(value: unknown): string {
  return value === undefined ? '(absent)' : JSON.stringify(value, null, 2);
}
