// The Workspace view's side panel: tabs defined in one list. Another panel (the Assist panel
// for PRD drafting, say) is one more entry in SIDE_PANEL_TABS.
import { useRef, type ComponentType, type KeyboardEvent } from 'react';
import { useCairn } from '../../state/store.ts';
import { AssistTab } from './AssistTab.tsx';
import { FindingsTab } from './FindingsTab.tsx';
import { ReferencesTab } from './ReferencesTab.tsx';

export interface SidePanelTab {
  /** Stable id, kept in the store (sidePanelTab) so other parts can show a tab. */
  id: string;
  label: string;
  Panel: ComponentType;
}

export const SIDE_PANEL_TABS: readonly SidePanelTab[] = [
  { id: 'findings', label: 'Findings', Panel: FindingsTab },
  { id: 'references', label: 'References', Panel: ReferencesTab },
  { id: 'assist', label: 'Assist', Panel: AssistTab },
];

export function SidePanel({ tabs = SIDE_PANEL_TABS }: { tabs?: readonly SidePanelTab[] }) {
  const selected = useCairn((s) => s.sidePanelTab);
  const show = useCairn((s) => s.showSidePanelTab);
  const tabList = useRef<HTMLDivElement>(null);
  const current = tabs.find((t) => t.id === selected) ?? tabs[0];

  // Arrow keys move between tabs (the WAI-ARIA tabs pattern, automatic activation).
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const at = tabs.findIndex((t) => t.id === current?.id);
    const next =
      event.key === 'ArrowRight'
        ? (at + 1) % tabs.length
        : event.key === 'ArrowLeft'
          ? (at - 1 + tabs.length) % tabs.length
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? tabs.length - 1
              : -1;
    if (next < 0) return;
    event.preventDefault();
    const tab = tabs[next] as SidePanelTab;
    show(tab.id);
    tabList.current?.querySelector<HTMLButtonElement>(`#side-tab-${tab.id}`)?.focus();
  };

  if (!current) return null;
  const { Panel } = current;
  return (
    <aside className="side-panel" aria-label="Spec details">
      <div role="tablist" aria-label="Side panel" ref={tabList} onKeyDown={onKeyDown}>
        {tabs.map((tab) => (
          <button
            key={tab.id}
            id={`side-tab-${tab.id}`}
            type="button"
            role="tab"
            aria-selected={tab.id === current.id}
            aria-controls={`side-panel-${tab.id}`}
            tabIndex={tab.id === current.id ? 0 : -1}
            onClick={() => show(tab.id)}
          >
            {tab.label}
          </button>
        ))}
      </div>
      <div
        role="tabpanel"
        id={`side-panel-${current.id}`}
        aria-labelledby={`side-tab-${current.id}`}
        className="side-tabpanel"
        tabIndex={0}
      >
        <Panel />
      </div>
    </aside>
  );
}
