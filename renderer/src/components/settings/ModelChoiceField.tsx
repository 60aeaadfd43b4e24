import { useId } from 'react';
import type { ProviderView } from '../../../../electron/ipc/contract/providers.ts';
import { issuesFor } from './field-issues.ts';
import type { ModelChoice } from './routing-draft.ts';

interface Props {
  tier: 'hosted' | 'cloud';
  value: ModelChoice;
  providers: readonly ProviderView[];
  issues: readonly string[];
  disabled?: boolean;
  onChange(value: ModelChoice): void;
}

/** Which provider and model answer a tier: the providers of that tier, then their models. */
export function ModelChoiceField({ tier, value, providers, issues, disabled, onChange }: Props) {
  const id = useId();
  const field = `routing.${tier}_model`;
  const ofTier = providers.filter((p) => p.tier === tier);
  const chosen = providers.find((p) => p.id === value.provider) ?? null;
  const providerErrors = issuesFor(issues, `${field}.provider`);
  const modelErrors = issuesFor(issues, `${field}.model`);
  const errors = [...providerErrors, ...modelErrors];
  const models =
    chosen && !chosen.models.includes(value.model) && value.model !== ''
      ? [...chosen.models, value.model]
      : (chosen?.models ?? []);
  return (
    <fieldset className="model-choice" disabled={disabled}>
      <legend>{tier === 'hosted' ? 'Hosted model' : 'Cloud model'}</legend>
      <label htmlFor={`${id}-provider`}>Provider</label>
      <select
        id={`${id}-provider`}
        value={value.provider}
        aria-invalid={providerErrors.length > 0 || undefined}
        aria-describedby={errors.length > 0 ? `${id}-errors` : undefined}
        onChange={(e) => {
          const next = providers.find((p) => p.id === e.target.value);
          onChange({ provider: e.target.value, model: next?.models[0] ?? '' });
        }}
      >
        <option value="">None</option>
        {ofTier.map((p) => (
          <option key={p.id} value={p.id}>
            {p.id}
          </option>
        ))}
        {value.provider !== '' && !ofTier.some((p) => p.id === value.provider) && (
          <option value={value.provider}>
            {value.provider} ({chosen ? `a ${chosen.tier} provider` : 'not configured here'})
          </option>
        )}
      </select>
      <label htmlFor={`${id}-model`}>Model</label>
      {chosen || value.provider === '' ? (
        <select
          id={`${id}-model`}
          value={value.model}
          disabled={value.provider === ''}
          aria-invalid={modelErrors.length > 0 || undefined}
          aria-describedby={errors.length > 0 ? `${id}-errors` : undefined}
          onChange={(e) => onChange({ ...value, model: e.target.value })}
        >
          {value.provider === '' && <option value="">—</option>}
          {models.map((m) => (
            <option key={m} value={m}>
              {m}
            </option>
          ))}
        </select>
      ) : (
        <input
          id={`${id}-model`}
          type="text"
          value={value.model}
          spellCheck={false}
          aria-invalid={modelErrors.length > 0 || undefined}
          aria-describedby={errors.length > 0 ? `${id}-errors` : undefined}
          onChange={(e) => onChange({ ...value, model: e.target.value })}
        />
      )}
      {ofTier.length === 0 && value.provider === '' && (
        <p className="hint small muted">
          No {tier} provider is configured on this machine; add one under Settings → Providers and
          keys.
        </p>
      )}
      {errors.length > 0 && (
        <p id={`${id}-errors`} className="field-error small">
          {errors.join('; ')}
        </p>
      )}
    </fieldset>
  );
}
