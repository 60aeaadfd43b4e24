import { useMemo, useState } from 'react';
import type { DriftFinding } from '../../state/drift-slice.ts';
import { useCairn } from '../../state/store.ts';
import { AcceptDialog } from './AcceptDialog.tsx';
import { FindingCard } from './FindingCard.tsx';

const NO_SPEC = 'Not tied to a spec';

interface Group {
  spec: string | null;
  fresh: DriftFinding[];
  accepted: number;
  /** New findings first, then accepted ones when they are shown. */
  shown: DriftFinding[];
}

/** Findings grouped by the spec they concern, new ones first; accepted ones on request. */
export function FindingGroups({ findings }: { findings: DriftFinding[] }) {
  const acceptDrift = useCairn((s) => s.acceptDrift);
  const [showAccepted, setShowAccepted] = useState(false);
  const [accepting, setAccepting] = useState<DriftFinding[] | null>(null);
  const acceptedCount = findings.filter((f) => f.state === 'accepted').length;

  const groups = useMemo(() => {
    const bySpec = new Map<string | null, DriftFinding[]>();
    for (const f of findings) bySpec.set(f.spec, [...(bySpec.get(f.spec) ?? []), f]);
    return [...bySpec.entries()]
      .map(([spec, list]): Group => {
        const fresh = list.filter((f) => f.state === 'new');
        return {
          spec,
          fresh,
          accepted: list.length - fresh.length,
          shown: showAccepted ? [...fresh, ...list.filter((f) => f.state === 'accepted')] : fresh,
        };
      })
      .filter((g) => g.shown.length > 0)
      .sort((a, b) => (a.spec === null ? 1 : b.spec === null ? -1 : a.spec.localeCompare(b.spec)));
  }, [findings, showAccepted]);

  return (
    <div className="drift-groups">
      <label className="toggle">
        <input
          type="checkbox"
          checked={showAccepted}
          onChange={(e) => setShowAccepted(e.target.checked)}
        />
        Show accepted findings ({acceptedCount})
      </label>
      {groups.length === 0 && (
        <p className="panel muted">
          {findings.length === 0
            ? 'No drift: every spec is in step with the code it covers, and every requirement is tested.'
            : 'No new findings. Everything found is accepted in the baseline.'}
        </p>
      )}
      {groups.map((g) => (
        <section
          key={g.spec ?? NO_SPEC}
          className="panel drift-group"
          aria-label={`Findings: ${g.spec ?? NO_SPEC}`}
        >
          <header className="drift-group-head">
            <h3>{g.spec ? <code>{g.spec}</code> : NO_SPEC}</h3>
            <span className="muted small">
              {g.fresh.length} new{g.accepted > 0 ? `, ${g.accepted} accepted` : ''}
            </span>
            {g.fresh.length > 1 && (
              <button type="button" onClick={() => setAccepting(g.fresh)}>
                Accept all {g.fresh.length}…
              </button>
            )}
          </header>
          {g.shown.map((f) => (
            <FindingCard key={f.key} finding={f} onAccept={(one) => setAccepting([one])} />
          ))}
        </section>
      ))}
      {accepting && (
        <AcceptDialog
          findings={accepting}
          onCancel={() => setAccepting(null)}
          onAccept={(note) => {
            const keys = accepting.map((f) => f.key);
            setAccepting(null);
            void acceptDrift(keys, note);
          }}
        />
      )}
    </div>
  );
}
