import { useMemo } from 'react';
import { diffRows } from './diff-rows.ts';

const SIGN = { added: '+', removed: '−', context: '', hunk: '' } as const;
const SPOKEN = { added: 'added', removed: 'removed', context: '', hunk: '' } as const;

/** A unified diff, readable: line numbers before and after, added and removed lines coloured. */
export function DiffView({ diff, label }: { diff: string; label: string }) {
  const rows = useMemo(() => diffRows(diff), [diff]);
  return (
    <div className="diff" role="region" aria-label={label} tabIndex={0}>
      <table>
        <thead className="visually-hidden">
          <tr>
            <th scope="col">Line before</th>
            <th scope="col">Line after</th>
            <th scope="col">Change</th>
            <th scope="col">Text</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) =>
            row.kind === 'hunk' ? (
              <tr key={i} className="diff-hunk">
                <td colSpan={4}>{row.text}</td>
              </tr>
            ) : (
              <tr key={i} className={`diff-${row.kind}`}>
                <td className="diff-no">{row.oldLine ?? ''}</td>
                <td className="diff-no">{row.newLine ?? ''}</td>
                <td className="diff-sign">
                  <span aria-hidden="true">{SIGN[row.kind]}</span>
                  {SPOKEN[row.kind] && <span className="visually-hidden">{SPOKEN[row.kind]}</span>}
                </td>
                <td className="diff-text">{row.text === '' ? ' ' : row.text}</td>
              </tr>
            ),
          )}
        </tbody>
      </table>
    </div>
  );
}
