import type { StateCreator } from 'zustand';
import type { RoutingPolicy, RoutingView } from '../../../electron/ipc/contract/routing.ts';
import { api } from './api.ts';
import { toProblem, type SettingsProblem } from './settings-slice.ts';
import type { CairnState } from './store.ts';

export interface RoutingSlice {
  /** The open workspace's routing policy as the core read it; null until loaded. */
  routing: RoutingView | null;
  routingError: SettingsProblem | null;
  routingSaving: boolean;
  routingNotice: string | null;
  loadRouting(): Promise<void>;
  /** Saves the policy; the problem (issues name the fields) when it was refused. */
  saveRouting(policy: RoutingPolicy): Promise<SettingsProblem | null>;
}

export const createRoutingSlice: StateCreator<CairnState, [], [], RoutingSlice> = (set, get) => ({
  routing: null,
  routingError: null,
  routingSaving: false,
  routingNotice: null,
  async loadRouting() {
    const result = await api().invoke('routing.get', {});
    set(
      result.ok
        ? { routing: result.value, routingError: null, routingNotice: null }
        : { routingError: toProblem(result.error) },
    );
  },
  async saveRouting(policy) {
    set({ routingSaving: true, routingNotice: null });
    const result = await api().invoke('routing.set', {
      routing: policy,
      expectedVersion: get().routing?.version,
    });
    if (!result.ok) {
      set({ routingSaving: false });
      return toProblem(result.error);
    }
    set({
      routing: result.value,
      routingSaving: false,
      routingError: null,
      routingNotice: `Saved to ${result.value.file}. Commit it to share the policy with your team.`,
    });
    return null;
  },
});
