import { useState } from 'react';
import type { DriftReport } from '../../state/drift-slice.ts';

type Row = DriftReport['coverage'][number];

function status(row: Row): { word: string; className: string } {
  if (row.tests.length > 0) return { word: 'Tested', className: 'covered' };
  if (row.code.length > 0) return { word: 'No test', className: 'untested' };
  return { word: 'Not cited', className: 'uncited' };
}

function Files({ files, what }: { files: string[]; what: string }) {
  if (files.length === 0) return <span className="muted">no {what}</span>;
  return (
    <ul className="file-list">
      {files.map((f) => (
        <li key={f}>
          <code>{f}</code>
        </li>
      ))}
    </ul>
  );
}

/** Requirements against the code and tests that cite them; those without a test stand out. */
export function CoverageMatrix({ rows }: { rows: Row[] }) {
  const [onlyUncovered, setOnlyUncovered] = useState(false);
  const untested = rows.filter((r) => r.tests.length === 0).length;
  const shown = onlyUncovered ? rows.filter((r) => r.tests.length === 0) : rows;
  if (rows.length === 0) {
    return (
      <p className="panel muted">
        No spec defines requirement IDs yet (REQ-7KQ2M4, FR-001). Give requirements IDs, and cite
        them in code and tests to trace them here.
      </p>
    );
  }
  return (
    <div className="panel coverage">
      <div className="coverage-head">
        <p>
          {rows.length} requirements: {rows.length - untested} tested,{' '}
          <strong className={untested > 0 ? 'untested-count' : undefined}>
            {untested} without a test
          </strong>
          .
        </p>
        <label className="toggle">
          <input
            type="checkbox"
            checked={onlyUncovered}
            onChange={(e) => setOnlyUncovered(e.target.checked)}
          />
          Only requirements without a test
        </label>
      </div>
      <table className="data-table coverage-matrix">
        <caption className="visually-hidden">
          Requirement coverage: the code and tests that cite each requirement
        </caption>
        <thead>
          <tr>
            <th scope="col">Requirement</th>
            <th scope="col">Spec</th>
            <th scope="col">Code citing it</th>
            <th scope="col">Tests citing it</th>
            <th scope="col">Coverage</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((row) => {
            const s = status(row);
            return (
              <tr key={row.id} className={`coverage-row ${s.className}`}>
                <th scope="row">
                  <code>{row.id}</code>
                  {row.title && <span className="req-title">{row.title}</span>}
                </th>
                <td>
                  <code className="small">{row.spec}</code>
                </td>
                <td>
                  <Files files={row.code} what="code" />
                </td>
                <td>
                  <Files files={row.tests} what="tests" />
                </td>
                <td>
                  <span className={`coverage-tag ${s.className}`}>{s.word}</span>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
