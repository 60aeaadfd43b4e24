import { VIEWS, type View } from '../state/app-slice.ts';
import { useCairn } from '../state/store.ts';
import { ThemeSwitch } from './frame/ThemeSwitch.tsx';

const LABELS: Record<View, string> = {
  workspace: 'Workspace',
  review: 'Review',
  runs: 'Runs',
  records: 'Records',
  drift: 'Drift',
  costs: 'Costs',
  models: 'Models',
  consent: 'Consent',
  settings: 'Settings',
};

export function NavBar() {
  const view = useCairn((s) => s.view);
  const setView = useCairn((s) => s.setView);
  const setShortcutsOpen = useCairn((s) => s.setShortcutsOpen);
  const pending = useCairn((s) => s.waiting?.filter((r) => r.status === 'pending').length ?? 0);
  return (
    <nav className="nav" aria-label="Views">
      <div className="brand" aria-hidden="true">
        ▲ Cairn
      </div>
      <ul>
        {VIEWS.map((v, i) => (
          <li key={v}>
            <button
              type="button"
              className={v === view ? 'nav-item active' : 'nav-item'}
              aria-current={v === view ? 'page' : undefined}
              title={`${LABELS[v]} (Alt+${i + 1})`}
              onClick={() => setView(v)}
            >
              {LABELS[v]}
              {v === 'consent' && pending > 0 && (
                <span className="nav-count" aria-label={`${pending} waiting for your decision`}>
                  {pending}
                </span>
              )}
            </button>
          </li>
        ))}
      </ul>
      <div className="nav-footer">
        <ThemeSwitch />
        <button type="button" className="link" onClick={() => setShortcutsOpen(true)}>
          Keyboard shortcuts <kbd>?</kbd>
        </button>
      </div>
    </nav>
  );
}
