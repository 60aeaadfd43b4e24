import { useId } from 'react';
import type { VersionSpec, Versions } from '../../../../electron/ipc/contract/review.ts';
import { useCairn } from '../../state/store.ts';

const WORKING_TREE = 'working-tree';

function encode(v: VersionSpec | null): string {
  if (!v) return '';
  return v.kind === 'working-tree' ? WORKING_TREE : `ref:${v.ref}`;
}

function decode(value: string): VersionSpec | null {
  if (value === WORKING_TREE) return { kind: 'working-tree' };
  return value.startsWith('ref:') ? { kind: 'ref', ref: value.slice(4) } : null;
}

export function formatDay(seconds: number): string {
  return new Date(seconds * 1000).toLocaleDateString(undefined, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
  });
}

function VersionOptions({ versions }: { versions: Versions }) {
  return (
    <>
      <option value={WORKING_TREE}>
        My current files{versions.workingChanges > 0 ? ` (${versions.workingChanges} changed)` : ''}
      </option>
      {versions.branches.length > 0 && (
        <optgroup label="Branches">
          {versions.branches.map((b) => (
            <option key={b.name} value={`ref:${b.name}`}>
              {b.name}
              {b.name === versions.branch ? ' (current)' : ''}
            </option>
          ))}
        </optgroup>
      )}
      {versions.tags.length > 0 && (
        <optgroup label="Tags">
          {versions.tags.map((t) => (
            <option key={t.name} value={`ref:${t.name}`}>
              {t.name}
            </option>
          ))}
        </optgroup>
      )}
      <optgroup label="Recent commits">
        {versions.commits.map((c) => (
          <option key={c.oid} value={`ref:${c.oid}`}>
            {c.oid.slice(0, 8)} · {c.summary} — {c.author}, {formatDay(c.time)}
          </option>
        ))}
      </optgroup>
    </>
  );
}

/** Two versions side by side: the older one (From) and the one under review (To). */
export function VersionPicker() {
  const versions = useCairn((s) => s.reviewVersions);
  const from = useCairn((s) => s.reviewFrom);
  const to = useCairn((s) => s.reviewTo);
  const choose = useCairn((s) => s.chooseVersions);
  const fromId = useId();
  const toId = useId();
  if (!versions) return <p className="muted">Reading the repository's history…</p>;
  return (
    <div className="version-picker" role="group" aria-label="Versions to compare">
      <label htmlFor={fromId}>From (older)</label>
      <select id={fromId} value={encode(from)} onChange={(e) => choose(decode(e.target.value), to)}>
        <VersionOptions versions={versions} />
      </select>
      <button
        type="button"
        className="swap"
        title="Swap the two versions"
        aria-label="Swap the two versions"
        onClick={() => choose(to, from)}
      >
        ⇄
      </button>
      <label htmlFor={toId}>To (under review)</label>
      <select id={toId} value={encode(to)} onChange={(e) => choose(from, decode(e.target.value))}>
        <VersionOptions versions={versions} />
      </select>
    </div>
  );
}
