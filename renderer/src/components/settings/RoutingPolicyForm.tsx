import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { TIERS } from '../../../../electron/ipc/contract/routing.ts';
import { useCairn } from '../../state/store.ts';
import { issuesFor } from './field-issues.ts';
import { FormField } from './FormField.tsx';
import { ModelChoiceField } from './ModelChoiceField.tsx';
import {
  differs,
  fromDraft,
  newRule,
  toDraft,
  type RoutingDraft,
  type Tier,
} from './routing-draft.ts';
import '../../styles/view-buttons.css';
import '../../styles/settings.css';

interface Props {
  /** The section's heading: "Routing defaults" in Settings, "Routing policy" in Consent. */
  title: string;
}

const TIER_LABEL: Record<Tier, string> = {
  local: 'local (this machine)',
  hosted: 'hosted (your team’s server)',
  cloud: 'cloud (a frontier API)',
};

/**
 * The workspace's routing policy (`routing:` in .cairn/config.yaml), editable: whether cloud
 * is allowed, the default tier, a tier per pass, and the model that answers each remote tier.
 * Saving changes that section of the file only; the core refuses invalid values by field.
 */
export function RoutingPolicyForm({ title }: Props) {
  const view = useCairn((s) => s.routing);
  const loadError = useCairn((s) => s.routingError);
  const saving = useCairn((s) => s.routingSaving);
  const notice = useCairn((s) => s.routingNotice);
  const loadRouting = useCairn((s) => s.loadRouting);
  const saveRouting = useCairn((s) => s.saveRouting);
  const providers = useCairn((s) => s.providers);
  const loadProviders = useCairn((s) => s.loadProviders);
  const [draft, setDraft] = useState<RoutingDraft | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [issues, setIssues] = useState<string[]>([]);
  const id = useId();
  /** The rule just added, whose name field takes the focus; the add button after a removal. */
  const [added, setAdded] = useState<number | null>(null);
  const addButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    void loadRouting();
    void loadProviders();
  }, [loadRouting, loadProviders]);

  // A newly read or saved policy replaces the working copy (adjusted while rendering).
  const [draftOf, setDraftOf] = useState<string | null>(null);
  if (view && view.version !== draftOf) {
    setDraftOf(view.version);
    setDraft(toDraft(view.routing));
  }

  const patch = (p: Partial<RoutingDraft>) => setDraft((d) => (d ? { ...d, ...p } : d));
  const errors = (field: string) => issuesFor(issues, field);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!draft) return;
    const built = fromDraft(draft);
    if (built.policy === null) {
      setMessage('The routing policy was not saved: check the fields marked below.');
      setIssues(built.issues);
      return;
    }
    const problem = await saveRouting(built.policy);
    setMessage(problem?.message ?? null);
    setIssues(problem?.issues ?? []);
  };

  const titleId = `${id}-title`;
  if (loadError && !view) {
    return (
      <section className="panel routing-policy" aria-labelledby={titleId}>
        <h2 id={titleId}>{title}</h2>
        <p className="error" role="alert">
          {loadError.message}
        </p>
      </section>
    );
  }
  if (!view || !draft) {
    return (
      <section className="panel routing-policy" aria-labelledby={titleId}>
        <h2 id={titleId}>{title}</h2>
        <p className="muted">Loading…</p>
      </section>
    );
  }

  const dirty = differs(draft, view.routing);
  const cloudForbidden = draft.cloud === 'forbidden';
  const known = view.knownPasses;
  return (
    <section className="panel routing-policy" aria-labelledby={titleId}>
      <h2 id={titleId}>{title}</h2>
      <p className="muted">
        Where each pass of this workspace runs. Saved in <code>{view.file}</code>
        {view.exists ? '' : ' (created on save)'}, which syncs with your team through git.
      </p>
      {view.problems.length > 0 && (
        <div className="error" role="alert">
          <p>
            The routing section as written is not applied, so every pass stays on this machine until
            it is fixed:
          </p>
          <ul className="problems">
            {view.problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </div>
      )}
      {view.warnings.length > 0 && (
        <ul className="warn-list" aria-label="Routing warnings">
          {view.warnings.map((w) => (
            <li key={w} className="warn-note">
              {w}
            </li>
          ))}
        </ul>
      )}
      <form className="routing-form" onSubmit={(e) => void submit(e)} noValidate>
        {message && (
          <div className="error" role="alert">
            <p>{message}</p>
            {issues.length > 0 && (
              <ul className="problems">
                {issues.map((i) => (
                  <li key={i}>{i}</li>
                ))}
              </ul>
            )}
            {message.includes('changed on disk') && (
              <button type="button" onClick={() => void loadRouting()}>
                Reload the policy
              </button>
            )}
          </div>
        )}
        <fieldset className="choice" aria-describedby={`${id}-cloud-errors`}>
          <legend>Cloud providers</legend>
          <label>
            <input
              type="radio"
              name={`${id}-cloud`}
              value="forbidden"
              checked={cloudForbidden}
              onChange={() => patch({ cloud: 'forbidden' })}
            />{' '}
            <strong>Forbidden</strong>: no pass of this workspace goes to a cloud provider, whatever
            a workflow says.
          </label>
          <label>
            <input
              type="radio"
              name={`${id}-cloud`}
              value="ask"
              checked={!cloudForbidden}
              onChange={() => patch({ cloud: 'ask' })}
            />{' '}
            <strong>Ask</strong>: a pass flagged for the cloud waits for your consent, showing
            exactly what would be sent.
          </label>
          <p id={`${id}-cloud-errors`} className="field-error small">
            {errors('routing.cloud').join('; ')}
          </p>
        </fieldset>
        <FormField
          label="Default tier"
          errors={errors('routing.default')}
          hint="Where a pass runs when neither a rule below nor its workflow says otherwise."
          className="narrow"
        >
          {(c) => (
            <select
              {...c}
              value={draft.default}
              onChange={(e) => patch({ default: e.target.value as Tier })}
            >
              {TIERS.map((t) => (
                <option key={t} value={t} disabled={t === 'cloud' && cloudForbidden}>
                  {TIER_LABEL[t]}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <fieldset className="pass-rules">
          <legend>Per-pass tiers</legend>
          <p className="hint small muted">
            A pass is named by its id in a workflow (review-summary) or by its implementation
            (clarify), which covers every pass that uses it.
          </p>
          {errors('routing.passes').length > 0 && (
            <p className="field-error small">{errors('routing.passes').join('; ')}</p>
          )}
          {draft.passes.length === 0 ? (
            <p className="muted small">No rule: every pass follows its workflow or the default.</p>
          ) : (
            <table className="data-table rules-table">
              <thead>
                <tr>
                  <th scope="col">Pass</th>
                  <th scope="col">Tier</th>
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {draft.passes.map((rule, index) => {
                  const own = rule.name ? errors(`routing.passes.${rule.name.trim()}`) : [];
                  const update = (p: Partial<typeof rule>) =>
                    patch({
                      passes: draft.passes.map((r) => (r.key === rule.key ? { ...r, ...p } : r)),
                    });
                  return (
                    <tr key={rule.key}>
                      <td>
                        <input
                          type="text"
                          list={`${id}-passes`}
                          value={rule.name}
                          aria-label={`Pass of rule ${index + 1}`}
                          autoFocus={rule.key === added}
                          aria-invalid={own.length > 0 || undefined}
                          spellCheck={false}
                          onChange={(e) => update({ name: e.target.value })}
                        />
                        {own.length > 0 && <p className="field-error small">{own.join('; ')}</p>}
                      </td>
                      <td>
                        <select
                          value={rule.tier}
                          aria-label={`Tier of ${rule.name || `rule ${index + 1}`}`}
                          onChange={(e) => update({ tier: e.target.value as Tier })}
                        >
                          {TIERS.map((t) => (
                            <option key={t} value={t}>
                              {TIER_LABEL[t]}
                            </option>
                          ))}
                        </select>
                      </td>
                      <td className="actions">
                        <button
                          type="button"
                          aria-label={`Remove the rule for ${rule.name || `rule ${index + 1}`}`}
                          onClick={() => {
                            patch({ passes: draft.passes.filter((r) => r.key !== rule.key) });
                            addButton.current?.focus();
                          }}
                        >
                          Remove
                        </button>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          )}
          <datalist id={`${id}-passes`}>
            {known.map((p) => (
              <option key={p.name} value={p.name}>
                {p.note}
              </option>
            ))}
          </datalist>
          <button
            type="button"
            ref={addButton}
            onClick={() => {
              const rule = newRule();
              setAdded(rule.key);
              patch({ passes: [...draft.passes, rule] });
            }}
          >
            Add a pass rule
          </button>
        </fieldset>
        <div className="form-grid">
          <ModelChoiceField
            tier="hosted"
            value={draft.hosted}
            providers={providers ?? []}
            issues={issues}
            onChange={(hosted) => patch({ hosted })}
          />
          <ModelChoiceField
            tier="cloud"
            value={draft.cloudModel}
            providers={providers ?? []}
            issues={issues}
            onChange={(cloudModel) => patch({ cloudModel })}
          />
        </div>
        <div className="form-actions">
          <button type="submit" className="primary" disabled={saving || !dirty}>
            {saving ? 'Saving…' : 'Save routing policy'}
          </button>
          <button
            type="button"
            disabled={!dirty}
            onClick={() => {
              setDraft(toDraft(view.routing));
              setMessage(null);
              setIssues([]);
            }}
          >
            Discard changes
          </button>
          {notice && !dirty && (
            <span className="notice" role="status">
              {notice}
            </span>
          )}
        </div>
      </form>
    </section>
  );
}
