// The report a user reads before consenting: counts, places and masked previews, never a value.
import { describe, expect, it } from 'vitest';
import {
  formatReport,
  maskValue,
  redactMessages,
} from '../../../native-models/routing/redaction/index.ts';

describe('redaction report', () => {
  it('counts per pattern, says where, and masks', () => {
    const r = redactMessages([
      { role: 'system', content: 'You review specs.' },
      {
        role: 'user',
        content: 'Owner: maya@example.com\n\naws_key: AKIAIOSFODNN7EXAMPLE\nCc maya@example.com',
      },
    ]);
    expect(r.report.total).toBe(3);
    expect(r.report.entries.map((e) => [e.patternId, e.count])).toEqual([
      ['aws-access-key', 1],
      ['email', 2],
    ]);
    expect(r.report.entries[0]!.occurrences).toEqual([
      {
        message: 1,
        line: 3,
        placeholder: '[[REDACTED:aws-access-key:1]]',
        preview: 'AKIA…MPLE (20 chars)',
      },
    ]);
    expect(r.report.entries[1]!.occurrences.map((o) => o.line)).toEqual([1, 4]);
    const text = formatReport(r.report);
    expect(text).toContain(
      'message 2, line 3: AKIA…MPLE (20 chars) → [[REDACTED:aws-access-key:1]]',
    );
    expect(text).not.toContain('AKIAIOSFODNN7EXAMPLE');
    expect(text).not.toContain('maya@example.com');
  });

  it('shows less of shorter values and names key blocks by their first line', () => {
    expect(maskValue('10.0.0.1')).toBe('1…1 (8 chars)');
    expect(maskValue('::1')).toBe('… (3 chars)');
    expect(maskValue('Passw0rd!xyz')).toBe('Pa…yz (12 chars)');
    expect(maskValue('-----BEGIN EC PRIVATE KEY-----\nMHc\n-----END EC PRIVATE KEY-----')).toBe(
      '-----BEGIN EC PRIVATE KEY-----… (63 chars)',
    );
    expect(formatReport({ total: 0, entries: [] })).toBe('Nothing was redacted.');
  });
});
