import { useEffect, useId } from 'react';
import { useCairn } from '../../state/store.ts';

/** Which on-device model the Assist panel runs; it says that nothing leaves the machine. */
export function ModelChoice() {
  const models = useCairn((s) => s.assistModels);
  const modelId = useCairn((s) => s.assistModelId);
  const choose = useCairn((s) => s.chooseAssistModel);
  const load = useCairn((s) => s.loadAssistModels);
  const setView = useCairn((s) => s.setView);
  const id = useId();

  useEffect(() => {
    void load();
  }, [load]);

  if (models === null) return <p className="muted">Looking for on-device models…</p>;
  if (models.length === 0) {
    return (
      <p className="assist-note">
        No on-device model is installed yet.{' '}
        <button type="button" className="link-button" onClick={() => setView('models')}>
          Add one in Models (Alt+7)
        </button>
      </p>
    );
  }
  return (
    <div className="assist-model">
      <label htmlFor={id}>On-device model</label>
      <select id={id} value={modelId ?? ''} onChange={(e) => choose(e.target.value)}>
        {models.map((m) => (
          <option key={m.id} value={m.id}>
            {m.name} · {m.quantization}
          </option>
        ))}
      </select>
      <p className="muted small">Runs on this computer; nothing leaves it, online or not.</p>
    </div>
  );
}
