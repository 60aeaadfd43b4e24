import { useEffect } from 'react';
import { HardwarePanel } from '../components/HardwarePanel.tsx';
import { ImportModelForm } from '../components/ImportModelForm.tsx';
import { InstalledModels } from '../components/InstalledModels.tsx';
import { ModelCatalog } from '../components/ModelCatalog.tsx';
import { useCairn } from '../state/store.ts';
import { ErrorNotice } from '../components/ErrorNotice.tsx';

export function ModelsView() {
  const loadModels = useCairn((s) => s.loadModels);
  const loadHardware = useCairn((s) => s.loadHardware);
  const error = useCairn((s) => s.modelsError);
  const notice = useCairn((s) => s.modelsNotice);

  useEffect(() => {
    void loadModels();
    void loadHardware();
  }, [loadModels, loadHardware]);

  return (
    <section className="view models" aria-labelledby="models-view-title">
      <h1 id="models-view-title">Models</h1>
      <p className="muted">
        On-device models run on this machine: nothing you send them leaves it.
      </p>
      {error && <ErrorNotice error={error} />}
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      <HardwarePanel />
      <InstalledModels />
      <ImportModelForm />
      <ModelCatalog />
    </section>
  );
}
