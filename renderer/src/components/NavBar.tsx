import { VIEWS, type View } from '../state/app-slice.ts';
import { useCairn } from '../state/store.ts';

const LABELS: Record<View, string> = {
  workspace: 'Workspace',
  runs: 'Runs',
  models: 'Models',
  settings: 'Settings',
};

export function NavBar() {
  const view = useCairn((s) => s.view);
  const setView = useCairn((s) => s.setView);
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
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
