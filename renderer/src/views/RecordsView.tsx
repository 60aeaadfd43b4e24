import { useCallback, useEffect, useState } from 'react';
import { RecordDetail } from '../components/records/RecordDetail.tsx';
import { RecordFilters } from '../components/records/RecordFilters.tsx';
import { RecordList } from '../components/records/RecordList.tsx';
import { useCairn } from '../state/store.ts';
import '../styles/view-buttons.css';
import '../styles/records.css';

/** Every model call on record: find one, see exactly what went in and out, re-run it. */
export function RecordsView() {
  const loadRecords = useCairn((s) => s.loadRecords);
  const loadFacets = useCairn((s) => s.loadRecordFacets);
  const error = useCairn((s) => s.recordsError);
  const openId = useCairn((s) => s.openRecordId);
  const closeRecord = useCairn((s) => s.closeRecord);
  const [lastOpen, setLastOpen] = useState<string | null>(null);

  useEffect(() => {
    void loadRecords();
    void loadFacets();
  }, [loadRecords, loadFacets]);

  const back = useCallback(() => {
    setLastOpen(openId);
    closeRecord();
  }, [openId, closeRecord]);

  useEffect(() => {
    if (!openId) return;
    const onKey = (e: KeyboardEvent) => {
      // Escape goes back to the list, unless it belongs to a field or a menu.
      if (e.key !== 'Escape' || e.defaultPrevented) return;
      const target = e.target as HTMLElement | null;
      if (target?.closest('input, select, textarea, [role="dialog"]')) return;
      back();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [openId, back]);

  return (
    <section className="view records" aria-labelledby="records-view-title">
      <h1 id="records-view-title">Records</h1>
      {error && (
        <div className="error" role="alert">
          <p>{error.message}</p>
        </div>
      )}
      {openId ? (
        <RecordDetail onBack={back} />
      ) : (
        <>
          <p className="muted">
            Every model call, exactly as it was sent and answered. Open one to replay it or re-run
            it on another model.
          </p>
          <RecordFilters />
          <RecordList focusId={lastOpen} />
        </>
      )}
    </section>
  );
}
