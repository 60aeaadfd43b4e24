// Covers REQ-9F3TXA and REQ-2HNB8W.
import { Outbox } from '../src/review/outbox';

const outbox = new Outbox();
outbox.add('q3-roadmap', 4, 'Is the date firm?');
outbox.add('q3-roadmap', 4, 'Typo in the second list.');
if (outbox.pending().map((c) => c.seq).join() !== '1,2') throw new Error('order lost');
