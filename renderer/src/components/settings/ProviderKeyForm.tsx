import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { ProviderView } from '../../../../electron/ipc/contract/providers.ts';
import { useCairn } from '../../state/store.ts';
import { FormField } from './FormField.tsx';

interface Props {
  provider: ProviderView;
  onDone(): void;
}

/**
 * Sets or replaces a provider's API key. The key goes to the core's secret store; the field is
 * emptied as soon as it is sent, and nothing shows a stored key again.
 */
export function ProviderKeyForm({ provider, onDone }: Props) {
  const setProviderKey = useCairn((s) => s.setProviderKey);
  const keyStore = useCairn((s) => s.keyStore);
  const [key, setKey] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (key.trim() === '') {
      setProblem('Paste the API key first.');
      return;
    }
    setBusy(true);
    const sent = key;
    setKey('');
    const refused = await setProviderKey(provider.id, sent);
    setBusy(false);
    if (refused) setProblem(refused.message);
    else onDone();
  };

  return (
    <form className="key-form" onSubmit={(e) => void submit(e)}>
      <FormField
        label={`API key for ${provider.id}`}
        errors={problem ? [problem] : []}
        hint={keyStore && !keyStore.warning ? keyStore.description : undefined}
      >
        {(c) => (
          <input
            {...c}
            ref={input}
            type="password"
            value={key}
            onChange={(e) => setKey(e.target.value)}
            autoComplete="off"
            spellCheck={false}
          />
        )}
      </FormField>
      {keyStore?.warning && <p className="warn-note small">{keyStore.warning}</p>}
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Storing…' : provider.keyStored ? 'Replace key' : 'Store key'}
        </button>
        <button type="button" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
