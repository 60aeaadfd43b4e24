import { useId, useRef, type KeyboardEvent, type ReactNode } from 'react';

interface Tab<T extends string> {
  id: T;
  label: string;
  panel: ReactNode;
}

interface Props<T extends string> {
  label: string;
  tabs: Tab<T>[];
  selected: T;
  onSelect(id: T): void;
}

/** Tabs as the ARIA pattern has them: arrow keys, Home and End move between tabs. */
export function Tabs<T extends string>({ label, tabs, selected, onSelect }: Props<T>) {
  const base = useId();
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);
  const onKeyDown = (e: KeyboardEvent, index: number) => {
    const last = tabs.length - 1;
    const next =
      e.key === 'ArrowRight'
        ? index === last
          ? 0
          : index + 1
        : e.key === 'ArrowLeft'
          ? index === 0
            ? last
            : index - 1
          : e.key === 'Home'
            ? 0
            : e.key === 'End'
              ? last
              : null;
    if (next === null) return;
    e.preventDefault();
    onSelect(tabs[next]!.id);
    buttons.current[next]?.focus();
  };
  const current = tabs.find((t) => t.id === selected) ?? tabs[0]!;
  return (
    <div className="tabs">
      <div role="tablist" aria-label={label} className="tab-list">
        {tabs.map((t, i) => (
          <button
            key={t.id}
            ref={(el) => {
              buttons.current[i] = el;
            }}
            type="button"
            role="tab"
            id={`${base}-tab-${t.id}`}
            aria-selected={t.id === current.id}
            aria-controls={`${base}-panel-${t.id}`}
            tabIndex={t.id === current.id ? 0 : -1}
            className={t.id === current.id ? 'tab selected' : 'tab'}
            onClick={() => onSelect(t.id)}
            onKeyDown={(e) => onKeyDown(e, i)}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div
        role="tabpanel"
        id={`${base}-panel-${current.id}`}
        aria-labelledby={`${base}-tab-${current.id}`}
        className="tab-panel"
      >
        {current.panel}
      </div>
    </div>
  );
}
