import type { StateCreator } from 'zustand';
import type { CairnError, InputOf, OutputOf } from '../../../electron/ipc/contract.ts';
import type { ProviderDraft, ProviderView } from '../../../electron/ipc/contract/providers.ts';
import type { DataLocation } from '../../../electron/ipc/contract/settings.ts';
import { api } from './api.ts';
import type { CairnState } from './store.ts';

/** What went wrong, in the core's words, with field-level issues when there are any. */
export interface SettingsProblem {
  message: string;
  issues: string[];
}

export type KeyStore = OutputOf<'providers.list'>['keyStore'];
export type ExportResult = OutputOf<'settings.exportRecords'>;
export type ClearPreview = OutputOf<'settings.previewClear'>;

export interface SettingsSlice {
  providers: ProviderView[] | null;
  providersFile: string | null;
  keyStore: KeyStore | null;
  /** A failure to load the providers, or of the last action on one. */
  providersError: SettingsProblem | null;
  /** What the last action did, in words. */
  providersNotice: string | null;
  loadProviders(): Promise<void>;
  /** Adds a provider; the problem (with field issues) when it was refused. */
  addProvider(draft: ProviderDraft): Promise<SettingsProblem | null>;
  /** Stores, replaces or (null) deletes a key; the problem when it was refused. */
  setProviderKey(id: string, key: string | null): Promise<SettingsProblem | null>;
  removeProvider(id: string): Promise<void>;

  dataLocation: DataLocation | null;
  dataError: SettingsProblem | null;
  loadDataLocation(): Promise<void>;

  exporting: boolean;
  lastExport: ExportResult | null;
  exportError: SettingsProblem | null;
  exportRecords(input: InputOf<'settings.exportRecords'>): Promise<void>;

  /** What clearing would delete, shown in the confirmation; null when none is open. */
  clearPreview: ClearPreview | null;
  clearing: boolean;
  clearNotice: string | null;
  clearError: SettingsProblem | null;
  previewClear(olderThanDays: number | null): Promise<void>;
  cancelClear(): void;
  confirmClear(): Promise<void>;
}

export const toProblem = (error: CairnError): SettingsProblem => ({
  message: error.message,
  issues: error.issues ?? [],
});

/** `3 records`, `1 record`. */
export const plural = (n: number, one: string, many = `${one}s`) =>
  `${n.toLocaleString()} ${n === 1 ? one : many}`;

export const createSettingsSlice: StateCreator<CairnState, [], [], SettingsSlice> = (set, get) => ({
  providers: null,
  providersFile: null,
  keyStore: null,
  providersError: null,
  providersNotice: null,
  async loadProviders() {
    const result = await api().invoke('providers.list', {});
    if (!result.ok) return set({ providersError: toProblem(result.error) });
    set({
      providers: result.value.providers,
      providersFile: result.value.file,
      keyStore: result.value.keyStore,
      providersError: null,
    });
  },
  async addProvider(draft) {
    const result = await api().invoke('providers.add', draft);
    if (!result.ok) return toProblem(result.error);
    const { provider, replaced } = result.value;
    set({
      providersNotice: `${replaced ? 'Replaced' : 'Added'} ${provider.id}.${provider.keyStored ? '' : ' Set its API key if it needs one.'}`,
      providersError: null,
    });
    await get().loadProviders();
    return null;
  },
  async setProviderKey(id, key) {
    const result = await api().invoke('providers.setKey', { id, key });
    if (!result.ok) return toProblem(result.error);
    set({
      providersNotice:
        key === null ? `Deleted the API key of ${id}.` : `Stored the API key of ${id}.`,
      providersError: null,
    });
    await get().loadProviders();
    return null;
  },
  async removeProvider(id) {
    const result = await api().invoke('providers.remove', { id });
    if (!result.ok) return set({ providersError: toProblem(result.error) });
    set({
      providersNotice: `Removed ${id}${result.value.hadKey ? ' and its stored API key' : ''}.`,
      providersError: null,
    });
    await get().loadProviders();
  },

  dataLocation: null,
  dataError: null,
  async loadDataLocation() {
    const result = await api().invoke('settings.dataLocation', {});
    set(
      result.ok
        ? { dataLocation: result.value, dataError: null }
        : { dataError: toProblem(result.error) },
    );
  },

  exporting: false,
  lastExport: null,
  exportError: null,
  async exportRecords(input) {
    set({ exporting: true, exportError: null, lastExport: null });
    const result = await api().invoke('settings.exportRecords', input);
    set(
      result.ok
        ? { exporting: false, lastExport: result.value }
        : { exporting: false, exportError: toProblem(result.error) },
    );
    if (result.ok) await get().loadDataLocation();
  },

  clearPreview: null,
  clearing: false,
  clearNotice: null,
  clearError: null,
  async previewClear(olderThanDays) {
    set({ clearError: null, clearNotice: null });
    const result = await api().invoke('settings.previewClear', { olderThanDays });
    if (!result.ok) return set({ clearError: toProblem(result.error) });
    if (result.value.records === 0 && result.value.runs === 0) {
      return set({
        clearNotice: `Nothing to clear: no records ${olderThanDays === null ? 'that may be cleared' : `older than ${plural(olderThanDays, 'day')}`}.`,
      });
    }
    set({ clearPreview: result.value });
  },
  cancelClear() {
    set({ clearPreview: null });
  },
  async confirmClear() {
    const preview = get().clearPreview;
    if (!preview) return;
    set({ clearing: true, clearPreview: null });
    const result = await api().invoke('settings.clearRecords', { before: preview.before });
    if (!result.ok) return set({ clearing: false, clearError: toProblem(result.error) });
    set({
      clearing: false,
      clearNotice: `Deleted ${plural(result.value.records, 'record')} and ${plural(result.value.runs, 'run')}.`,
    });
    await get().loadDataLocation();
  },
});
