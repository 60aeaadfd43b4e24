import { useEffect, useId, useState, type ChangeEvent } from 'react';
import type { RecordFilter } from '../../state/records-slice.ts';
import { useCairn } from '../../state/store.ts';
import { OUTCOME_LABEL, type Outcome } from './format.ts';

const SEARCH_DELAY_MS = 250;
const TIERS = ['local', 'hosted', 'cloud'] as const;

/** Filters of the record list; the search waits for a pause in typing. */
export function RecordFilters() {
  const filter = useCairn((s) => s.recordsFilter);
  const facets = useCairn((s) => s.recordFacets);
  const setFilter = useCairn((s) => s.setRecordsFilter);
  const [search, setSearch] = useState(filter.search ?? '');
  const id = useId();

  // Another view (showRecordsForRun) or Clear may replace the filter: the field follows.
  const [applied, setApplied] = useState(filter.search);
  if (applied !== filter.search) {
    setApplied(filter.search);
    setSearch(filter.search ?? '');
  }

  useEffect(() => {
    if (search === (filter.search ?? '')) return;
    const timer = window.setTimeout(() => setFilter({ ...filter, search }), SEARCH_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [search, filter, setFilter]);

  const change = (key: keyof RecordFilter) => (e: ChangeEvent<HTMLSelectElement>) =>
    setFilter({ ...filter, [key]: e.target.value || undefined });

  const runs = facets?.runs ?? [];
  const passes = facets?.passes ?? [];
  const models = facets?.models ?? [];
  const active = Object.keys(filter).length > 0;

  return (
    <form
      className="records-filters"
      role="search"
      aria-label="Filter records"
      onSubmit={(e) => {
        e.preventDefault();
        setFilter({ ...filter, search });
      }}
    >
      <div className="records-field records-search">
        <label htmlFor={`${id}-search`}>Search ids</label>
        <input
          id={`${id}-search`}
          type="search"
          value={search}
          placeholder="call, run or work item id, or cache key"
          onChange={(e) => setSearch(e.target.value)}
        />
      </div>
      <div className="records-field">
        <label htmlFor={`${id}-run`}>Run</label>
        <select id={`${id}-run`} value={filter.runId ?? ''} onChange={change('runId')}>
          <option value="">All runs</option>
          {filter.runId && !runs.includes(filter.runId) && (
            <option value={filter.runId}>{filter.runId}</option>
          )}
          {runs.map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
        </select>
      </div>
      <div className="records-field">
        <label htmlFor={`${id}-pass`}>Pass</label>
        <select id={`${id}-pass`} value={filter.passId ?? ''} onChange={change('passId')}>
          <option value="">All passes</option>
          {passes.map((p) => (
            <option key={p} value={p}>
              {p}
            </option>
          ))}
        </select>
      </div>
      <div className="records-field">
        <label htmlFor={`${id}-model`}>Model</label>
        <select id={`${id}-model`} value={filter.model ?? ''} onChange={change('model')}>
          <option value="">All models</option>
          {models.map((m) => (
            <option key={m.model} value={m.model}>
              {m.name} ({m.tier})
            </option>
          ))}
        </select>
      </div>
      <div className="records-field">
        <label htmlFor={`${id}-tier`}>Where</label>
        <select id={`${id}-tier`} value={filter.tier ?? ''} onChange={change('tier')}>
          <option value="">Anywhere</option>
          {TIERS.map((t) => (
            <option key={t} value={t}>
              {t === 'local' ? 'On this machine' : t === 'hosted' ? 'Hosted' : 'Cloud'}
            </option>
          ))}
        </select>
      </div>
      <div className="records-field">
        <label htmlFor={`${id}-outcome`}>Outcome</label>
        <select id={`${id}-outcome`} value={filter.outcome ?? ''} onChange={change('outcome')}>
          <option value="">Any outcome</option>
          {(Object.keys(OUTCOME_LABEL) as Outcome[]).map((o) => (
            <option key={o} value={o}>
              {OUTCOME_LABEL[o]}
            </option>
          ))}
        </select>
      </div>
      <button
        type="button"
        className="records-clear"
        disabled={!active && search === ''}
        onClick={() => {
          setSearch('');
          setFilter({});
        }}
      >
        Clear filters
      </button>
    </form>
  );
}
