// IDs for runs, work items, proposed changes and model calls: a prefix and random Crockford
// base32, so two machines offline never mint the same one (no shared counter).
import { cryptoRandom, randomIdBody, type RandomSource } from '../specs/ids.ts';
import type { WorkItemRef } from './pass.ts';

export const WORK_ITEM_PREFIX: Record<WorkItemRef['kind'], string> = {
  feature: 'FEAT',
  bug: 'BUG',
  docs: 'DOCS',
  review: 'REV',
};

export function randomId(prefix: string, length: number, random: RandomSource = cryptoRandom) {
  return `${prefix}-${randomIdBody(random, length)}`;
}

/** 8 characters (2^40): runs and proposed changes. */
export const newRunId = () => randomId('RUN', 8);
export const newChangeId = () => randomId('CHG', 8);
/** 10 characters: model calls, of which a database may hold millions. */
export const newCallId = () => randomId('CALL', 10);
/** 6 characters, like requirement IDs: short enough to say aloud in a stand-up. */
export const newWorkItemId = (kind: WorkItemRef['kind']) => randomId(WORK_ITEM_PREFIX[kind], 6);
