import { useId, useState, type FormEvent } from 'react';
import {
  PROVIDER_KINDS,
  ProviderDraftSchema,
  STRUCTURED_OUTPUTS,
  type ProviderDraft,
} from '../../../../electron/ipc/contract/providers.ts';
import { useCairn } from '../../state/store.ts';
import { issuesFor } from './field-issues.ts';
import { FormField } from './FormField.tsx';

const EMPTY = {
  id: '',
  kind: 'openai-compatible' as ProviderDraft['kind'],
  tier: 'hosted' as ProviderDraft['tier'],
  baseUrl: '',
  models: '',
  structuredOutput: '',
  replace: false,
};

/** Adds a hosted or cloud provider; checked here as it is sent, and again by the core. */
export function AddProviderForm() {
  const addProvider = useCairn((s) => s.addProvider);
  const [form, setForm] = useState(EMPTY);
  const [issues, setIssues] = useState<string[]>([]);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const id = useId();
  const patch = (p: Partial<typeof EMPTY>) => setForm((f) => ({ ...f, ...p }));
  const errors = (field: string) => issuesFor(issues, field);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const checked = ProviderDraftSchema.safeParse({
      id: form.id.trim(),
      kind: form.kind,
      tier: form.tier,
      baseUrl: form.baseUrl.trim(),
      models: form.models
        .split(',')
        .map((m) => m.trim())
        .filter((m) => m !== ''),
      ...(form.structuredOutput ? { structuredOutput: form.structuredOutput } : {}),
      replace: form.replace,
    });
    if (!checked.success) {
      setMessage('The provider was not added: check the fields marked below.');
      setIssues(checked.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
      return;
    }
    setBusy(true);
    const problem = await addProvider(checked.data);
    setBusy(false);
    setMessage(problem?.message ?? null);
    setIssues(problem?.issues ?? []);
    if (!problem) setForm(EMPTY);
  };

  return (
    <form
      className="add-provider"
      onSubmit={(e) => void submit(e)}
      aria-labelledby={`${id}-title`}
      noValidate
    >
      <h3 id={`${id}-title`}>Add a provider</h3>
      {message && (
        <p className="error" role="alert">
          {message}
        </p>
      )}
      <div className="form-grid">
        <FormField
          label="Id"
          errors={errors('id')}
          hint="Lower-case, such as openai or team-vllm: routing and prices name the provider by it."
        >
          {(c) => (
            <input
              {...c}
              type="text"
              value={form.id}
              onChange={(e) => patch({ id: e.target.value })}
              autoComplete="off"
              spellCheck={false}
            />
          )}
        </FormField>
        <FormField label="Kind" errors={errors('kind')}>
          {(c) => (
            <select
              {...c}
              value={form.kind}
              onChange={(e) => patch({ kind: e.target.value as ProviderDraft['kind'] })}
            >
              {PROVIDER_KINDS.map((k) => (
                <option key={k} value={k}>
                  {k === 'anthropic'
                    ? 'Anthropic'
                    : 'OpenAI-compatible (OpenAI, vLLM, llama.cpp server, Ollama)'}
                </option>
              ))}
            </select>
          )}
        </FormField>
      </div>
      <fieldset className="choice">
        <legend>Tier</legend>
        <label>
          <input
            type="radio"
            name={`${id}-tier`}
            value="hosted"
            checked={form.tier === 'hosted'}
            onChange={() => patch({ tier: 'hosted' })}
          />{' '}
          <strong>Hosted</strong>: a server your team runs (vLLM, llama.cpp server, Ollama); prompts
          stay inside your organisation.
        </label>
        <label>
          <input
            type="radio"
            name={`${id}-tier`}
            value="cloud"
            checked={form.tier === 'cloud'}
            onChange={() => patch({ tier: 'cloud' })}
          />{' '}
          <strong>Cloud</strong>: a frontier API billed per token (OpenAI, Anthropic); a workspace
          can forbid it.
        </label>
        <p className="hint small muted">
          A pass goes to either only when it is flagged, and only after you have seen exactly what
          would be sent and agreed.
        </p>
      </fieldset>
      <FormField
        label="Base URL"
        errors={errors('baseUrl')}
        hint="https, or plain http to 127.0.0.1 or localhost only. OpenAI-compatible URLs end with the API version (…/v1); Anthropic’s is https://api.anthropic.com."
      >
        {(c) => (
          <input
            {...c}
            type="url"
            value={form.baseUrl}
            onChange={(e) => patch({ baseUrl: e.target.value })}
            placeholder="https://api.openai.com/v1"
            spellCheck={false}
          />
        )}
      </FormField>
      <div className="form-grid">
        <FormField
          label="Models"
          errors={errors('models')}
          hint="The models it may be asked for, separated by commas."
        >
          {(c) => (
            <input
              {...c}
              type="text"
              value={form.models}
              onChange={(e) => patch({ models: e.target.value })}
              placeholder="gpt-4.1, gpt-4.1-mini"
              spellCheck={false}
            />
          )}
        </FormField>
        <FormField label="Structured output" errors={errors('structuredOutput')}>
          {(c) => (
            <select
              {...c}
              value={form.structuredOutput}
              onChange={(e) => patch({ structuredOutput: e.target.value })}
            >
              <option value="">Default for the kind</option>
              {STRUCTURED_OUTPUTS.map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </select>
          )}
        </FormField>
      </div>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={form.replace}
          onChange={(e) => patch({ replace: e.target.checked })}
        />{' '}
        Replace the provider with this id
      </label>
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Adding…' : 'Add provider'}
        </button>
      </div>
    </form>
  );
}
