// An in-memory RecordPort: envelopes kept in save order, looked up by cache key as the SQLite
// store does (the newest successful generation). `onSave` lets a test see when a save happens.
import type { RecordPort } from '../../../../workflows/engine/ports.ts';
import { EnvelopeSchema, type Envelope } from '../../../../workflows/records/envelope.ts';

export class MemoryRecords implements RecordPort {
  readonly saved: Envelope[] = [];

  constructor(private readonly onSave?: (envelope: Envelope) => void) {}

  save(envelope: Envelope): void {
    this.onSave?.(envelope);
    this.saved.push(EnvelopeSchema.parse(structuredClone(envelope)));
  }

  findByCacheKey(cacheKey: string): Envelope | null {
    const found = this.saved.findLast(
      (e) => e.cacheKey === cacheKey && e.error === null && e.kind === 'generation',
    );
    return found ? structuredClone(found) : null;
  }
}
