import type { CairnApi } from '../../../electron/ipc/contract.ts';

let current: CairnApi | null = null;

/** Set once at start-up by main.tsx (or by a test with a fake transport). */
export function setApi(api: CairnApi): void {
  current = api;
}

export function api(): CairnApi {
  if (!current) throw new Error('Cairn API used before start-up chose a transport');
  return current;
}
