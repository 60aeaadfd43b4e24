import type { StateCreator } from 'zustand';
import type { CairnError, EventOf, OutputOf } from '../../../electron/ipc/contract.ts';
import { api } from './api.ts';
import type { CairnState } from './store.ts';

export type Hardware = OutputOf<'models.hardware'>;
export type InstalledModel = OutputOf<'models.list'>['models'][number];
export type CatalogModel = OutputOf<'models.catalog'>['models'][number];
export type Calibration = OutputOf<'models.calibrate'>;
type DownloadEvent = EventOf<'models.download'>;

/** A problem of one part of the view: what happened, in the core's own words. */
export interface Problem {
  message: string;
  issues?: string[];
}

export interface DownloadState {
  status: 'starting' | 'running' | 'cancelled' | 'failed' | 'done';
  receivedBytes: number;
  totalBytes: number | null;
  /** Bytes that were already on disk from an earlier attempt when this one started. */
  resumedFromBytes: number;
  /** Bytes per second over the last few seconds; null until there are two samples. */
  bytesPerSecond: number | null;
  /** Seconds left at that speed; null when the size or the speed is unknown. */
  secondsLeft: number | null;
  error: Problem | null;
}

export interface SpeedTestState {
  status: 'running' | 'done' | 'failed';
  result: Calibration | null;
  error: Problem | null;
}

export interface ModelsSlice {
  hardware: Hardware | null;
  hardwareError: Problem | null;
  hardwareProbing: boolean;
  installed: InstalledModel[] | null;
  catalog: CatalogModel[] | null;
  /** A failure to load the lists, or of the last action (import, remove). */
  modelsError: Problem | null;
  /** What the last action did, in words, for the status line of the view. */
  modelsNotice: string | null;
  importing: boolean;
  downloads: Record<string, DownloadState>;
  speedTests: Record<string, SpeedTestState>;
  loadModels(): Promise<void>;
  loadHardware(refresh?: boolean): Promise<void>;
  importModel(path: string): Promise<boolean>;
  removeModel(id: string): Promise<void>;
  startDownload(catalogId: string): void;
  cancelDownload(catalogId: string): void;
  runSpeedTest(modelId: string): Promise<void>;
}

const problem = (error: CairnError | { code: string; message: string; issues?: string[] }) => ({
  message: error.message,
  ...('issues' in error && error.issues ? { issues: error.issues } : {}),
});

/** Running downloads: how to stop each, and recent (time, bytes) samples for its speed. */
const running = new Map<string, { stop: () => void; samples: [number, number][] }>();

const SPEED_WINDOW_MS = 3000;

function speedOf(samples: [number, number][]): number | null {
  const first = samples[0];
  const last = samples.at(-1);
  if (!first || !last || last[0] - first[0] < 200) return null;
  return ((last[1] - first[1]) * 1000) / (last[0] - first[0]);
}

export const createModelsSlice: StateCreator<CairnState, [], [], ModelsSlice> = (set, get) => {
  const patchDownload = (id: string, patch: Partial<DownloadState>) =>
    set((s) => {
      const before = s.downloads[id];
      if (!before) return {};
      return { downloads: { ...s.downloads, [id]: { ...before, ...patch } } };
    });

  const onDownloadEvent = (id: string, event: DownloadEvent) => {
    const entry = running.get(id);
    if (event.type === 'fit') return;
    if (event.type === 'progress') {
      if (!entry) return;
      const now = performance.now();
      entry.samples.push([now, event.receivedBytes]);
      while (entry.samples.length > 2 && now - entry.samples[0]![0] > SPEED_WINDOW_MS)
        entry.samples.shift();
      const speed = speedOf(entry.samples);
      const left =
        speed && speed > 0 && event.totalBytes !== null
          ? Math.max(0, (event.totalBytes - event.receivedBytes) / speed)
          : null;
      patchDownload(id, {
        status: 'running',
        receivedBytes: event.receivedBytes,
        totalBytes: event.totalBytes,
        resumedFromBytes: event.resumedFromBytes,
        bytesPerSecond: speed,
        secondsLeft: left,
      });
      return;
    }
    entry?.stop();
    running.delete(id);
    if (event.type === 'done') {
      patchDownload(id, {
        status: 'done',
        receivedBytes: event.model.sizeBytes,
        totalBytes: event.model.sizeBytes,
        secondsLeft: 0,
      });
      set({
        modelsNotice: event.alreadyPresent
          ? `${event.model.name} was already downloaded.`
          : `Downloaded ${event.model.name}; its SHA-256 matches.`,
      });
      void get().loadModels();
      return;
    }
    patchDownload(id, { status: 'failed', error: problem(event.error), secondsLeft: null });
  };

  return {
    hardware: null,
    hardwareError: null,
    hardwareProbing: false,
    installed: null,
    catalog: null,
    modelsError: null,
    modelsNotice: null,
    importing: false,
    downloads: {},
    speedTests: {},

    async loadModels() {
      const [list, catalog] = await Promise.all([
        api().invoke('models.list', {}),
        api().invoke('models.catalog', {}),
      ]);
      if (!list.ok) return set({ modelsError: problem(list.error) });
      if (!catalog.ok) return set({ modelsError: problem(catalog.error) });
      set({ installed: list.value.models, catalog: catalog.value.models });
    },

    async loadHardware(refresh = false) {
      set({ hardwareProbing: true });
      const result = await api().invoke('models.hardware', { refresh });
      set(
        result.ok
          ? { hardware: result.value, hardwareError: null, hardwareProbing: false }
          : { hardwareError: problem(result.error), hardwareProbing: false },
      );
    },

    async importModel(path) {
      set({ importing: true, modelsError: null, modelsNotice: null });
      const result = await api().invoke('models.import', { path: path.trim() });
      if (!result.ok) {
        set({ importing: false, modelsError: problem(result.error) });
        return false;
      }
      const { model, alreadyPresent } = result.value;
      set({
        importing: false,
        modelsNotice: alreadyPresent
          ? `${model.name} was already installed (same SHA-256); its path is now ${model.path}.`
          : `Imported ${model.name} (${model.quantization}). The file stays where it is.`,
      });
      await get().loadModels();
      return true;
    },

    async removeModel(id) {
      set({ modelsError: null, modelsNotice: null });
      const result = await api().invoke('models.remove', { modelId: id });
      if (!result.ok) return set({ modelsError: problem(result.error) });
      const { model, file } = result.value;
      const what = {
        deleted: 'its file was deleted',
        kept: `its file was left at ${model.path}`,
        shared: 'its file was kept because another model uses it',
        'already-gone': 'its file was already gone',
      }[file];
      set((s) => {
        const speedTests = { ...s.speedTests };
        delete speedTests[id];
        const downloads = { ...s.downloads };
        if (model.catalogId) delete downloads[model.catalogId];
        return { speedTests, downloads, modelsNotice: `Removed ${model.name}; ${what}.` };
      });
      await get().loadModels();
    },

    startDownload(catalogId) {
      if (running.has(catalogId)) return;
      const before = get().downloads[catalogId];
      set((s) => ({
        modelsNotice: null,
        downloads: {
          ...s.downloads,
          [catalogId]: {
            status: 'starting',
            receivedBytes: before?.receivedBytes ?? 0,
            totalBytes: before?.totalBytes ?? null,
            resumedFromBytes: 0,
            bytesPerSecond: null,
            secondsLeft: null,
            error: null,
          },
        },
      }));
      const entry = { stop: () => {}, samples: [] as [number, number][] };
      running.set(catalogId, entry);
      entry.stop = api().subscribe('models.download', { catalogId }, (event) =>
        onDownloadEvent(catalogId, event),
      );
    },

    cancelDownload(catalogId) {
      const entry = running.get(catalogId);
      if (!entry) return;
      // Stopping the subscription aborts the download; the core keeps the partial file.
      entry.stop();
      running.delete(catalogId);
      patchDownload(catalogId, { status: 'cancelled', bytesPerSecond: null, secondsLeft: null });
    },

    async runSpeedTest(modelId) {
      set((s) => ({
        speedTests: {
          ...s.speedTests,
          [modelId]: { status: 'running', result: null, error: null },
        },
      }));
      const result = await api().invoke('models.calibrate', { modelId });
      set((s) => ({
        speedTests: {
          ...s.speedTests,
          [modelId]: result.ok
            ? { status: 'done', result: result.value, error: null }
            : { status: 'failed', result: null, error: problem(result.error) },
        },
      }));
    },
  };
};
