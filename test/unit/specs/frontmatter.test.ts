import { describe, expect, it } from 'vitest';
import {
  firstHeading,
  parseFrontmatter,
  readFrontmatter,
} from '../../../workflows/specs/frontmatter.ts';

describe('frontmatter', () => {
  it('reads data and where each key and list item is', () => {
    const { frontmatter, diagnostics } = parseFrontmatter(
      '---\nid: A\nowners: [maya, ravi]\ncovers:\n  - src/**\n---\n# T\n',
    );
    expect(diagnostics).toEqual([]);
    expect(frontmatter?.data).toEqual({ id: 'A', owners: ['maya', 'ravi'], covers: ['src/**'] });
    expect(frontmatter?.fields['id']).toEqual({
      key: { start: { line: 2, column: 1 }, end: { line: 2, column: 3 } },
      value: { start: { line: 2, column: 5 }, end: { line: 2, column: 6 } },
      items: undefined,
    });
    expect(frontmatter?.fields['covers']?.items).toEqual([
      { start: { line: 5, column: 5 }, end: { line: 5, column: 11 } },
    ]);
    expect(frontmatter?.range).toEqual({
      start: { line: 1, column: 1 },
      end: { line: 6, column: 4 },
    });
  });

  it('reports broken YAML at its file line', () => {
    const { frontmatter, diagnostics } = parseFrontmatter('---\nid: A\ntitle: "unclosed\n---\n');
    expect(frontmatter).toBeNull();
    expect(diagnostics[0]?.message).toMatch(/^Frontmatter is not valid YAML/);
    expect(diagnostics[0]?.range.start.line).toBe(3);
  });

  it('reports a duplicate key at the second one', () => {
    const { diagnostics } = parseFrontmatter('---\nid: A\ntitle: T\nid: B\n---\n');
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]?.message).toMatch(/unique/);
    expect(diagnostics[0]?.range.start).toEqual({ line: 4, column: 1 });
  });

  it('reports a block that never closes, and one that is not a mapping', () => {
    expect(parseFrontmatter('---\nid: A\n# T\n').diagnostics[0]?.message).toMatch(/no closing ---/);
    expect(parseFrontmatter('---\n- a\n- b\n---\n').diagnostics[0]?.message).toMatch(/mapping/);
  });

  it('refuses alias bombs with a diagnostic instead of hanging', () => {
    const bomb = [
      '---',
      'a: &a [x, x, x, x, x, x, x, x, x]',
      ...'bcdefgh'.split('').map(
        (k, i) =>
          `${k}: &${k} [${Array(9)
            .fill('*' + (i === 0 ? 'a' : 'bcdefgh'[i - 1]))
            .join(', ')}]`,
      ),
      '---',
      '',
    ].join('\n');
    const { diagnostics } = parseFrontmatter(bomb);
    expect(diagnostics[0]?.message).toMatch(/cannot be read|alias/i);
  });

  it('keeps the listing API: BOM and CRLF, body line, first problem', () => {
    expect(readFrontmatter('\uFEFF---\r\ntitle: T\r\n---\r\n# H\r\n')).toEqual({
      data: { title: 'T' },
      bodyLine: 4,
      error: null,
    });
    expect(readFrontmatter('# H\n')).toEqual({ data: {}, bodyLine: 1, error: null });
    expect(readFrontmatter('---\na: [\n---\n').error?.line).toBe(2);
    expect(firstHeading('---\nx: 1\n---\n\n# Title here #\n')).toBe('Title here');
  });
});
