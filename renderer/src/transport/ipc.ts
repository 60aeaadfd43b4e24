import type { CairnApi } from '../../../electron/ipc/contract.ts';

declare global {
  interface Window {
    /** Set by the Electron preload; absent in a browser. */
    cairn?: CairnApi;
  }
}

/** The Electron transport: the preload's `window.cairn`, exposed through contextBridge. */
export function electronApi(): CairnApi | null {
  return window.cairn ?? null;
}
