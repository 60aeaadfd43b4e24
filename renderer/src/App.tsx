import { useEffect } from 'react';
import { NavBar } from './components/NavBar.tsx';
import { ShortcutsDialog } from './components/frame/ShortcutsDialog.tsx';
import { StatusBar } from './components/StatusBar.tsx';
import { VIEWS } from './state/app-slice.ts';
import { useCairn } from './state/store.ts';
import { ConsentView } from './views/ConsentView.tsx';
import { CostsView } from './views/CostsView.tsx';
import { DriftView } from './views/DriftView.tsx';
import { RecordsView } from './views/RecordsView.tsx';
import { ReviewView } from './views/ReviewView.tsx';
import { ModelsView } from './views/ModelsView.tsx';
import { RunsView } from './views/RunsView.tsx';
import { SettingsView } from './views/SettingsView.tsx';
import { WorkspaceView } from './views/WorkspaceView.tsx';

const VIEW_COMPONENTS = {
  workspace: WorkspaceView,
  review: ReviewView,
  runs: RunsView,
  records: RecordsView,
  drift: DriftView,
  costs: CostsView,
  models: ModelsView,
  consent: ConsentView,
  settings: SettingsView,
} as const;

export function App() {
  const view = useCairn((s) => s.view);
  const setView = useCairn((s) => s.setView);
  const loadInfo = useCairn((s) => s.loadInfo);
  const loadConsent = useCairn((s) => s.loadConsent);
  const shortcutsOpen = useCairn((s) => s.shortcutsOpen);
  const setShortcutsOpen = useCairn((s) => s.setShortcutsOpen);

  useEffect(() => {
    void loadInfo();
  }, [loadInfo]);

  useEffect(() => {
    // Requests that want to leave the machine appear in the navigation as they arrive.
    void loadConsent();
    const timer = window.setInterval(() => void loadConsent(), 5000);
    return () => window.clearInterval(timer);
  }, [loadConsent]);

  useEffect(() => {
    // Alt+1…9 switch views: keyboard first.
    const onKey = (e: KeyboardEvent) => {
      const index = Number(e.key) - 1;
      const target = VIEWS[index];
      if (e.altKey && target) {
        e.preventDefault();
        setView(target);
      } else if (e.key === '?' && !e.altKey && !e.ctrlKey && !e.metaKey && !isTyping(e.target)) {
        e.preventDefault();
        setShortcutsOpen(true);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [setView, setShortcutsOpen]);

  const Current = VIEW_COMPONENTS[view];
  return (
    <div className="app">
      <NavBar />
      <main className="main">
        <Current />
      </main>
      <StatusBar />
      {shortcutsOpen && <ShortcutsDialog onClose={() => setShortcutsOpen(false)} />}
    </div>
  );
}

/** True in text fields and the editor, where ? is a character, not a shortcut. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}
