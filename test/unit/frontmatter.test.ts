import { describe, expect, it } from 'vitest';
import { firstHeading, readFrontmatter } from '../../workflows/specs/frontmatter.ts';

describe('readFrontmatter', () => {
  it('reads a mapping and says where the body starts', () => {
    const fm = readFrontmatter('---\nid: PRD-1\ntitle: Offline\n---\n# Offline\n');
    expect(fm).toEqual({ data: { id: 'PRD-1', title: 'Offline' }, bodyLine: 5, error: null });
  });

  it('accepts a BOM and CRLF line endings', () => {
    expect(readFrontmatter('\uFEFF---\r\ntitle: A\r\n---\r\nbody').data).toEqual({ title: 'A' });
  });

  it('returns no data for a file without frontmatter', () => {
    expect(readFrontmatter('# Just a heading\n')).toEqual({ data: {}, bodyLine: 1, error: null });
  });

  it('reports broken YAML with the line in the file', () => {
    const fm = readFrontmatter('---\ntitle: A\nowners: [a, b\n---\n');
    expect(fm.error?.line).toBeGreaterThanOrEqual(3);
    expect(fm.data).toEqual({});
  });

  it('reports duplicate keys', () => {
    const fm = readFrontmatter('---\ntitle: A\ntitle: B\n---\n');
    expect(fm.error).toMatchObject({ line: 3 });
    expect(fm.error?.message).toMatch(/unique/i);
  });

  it('reports an unterminated block and a non-mapping', () => {
    expect(readFrontmatter('---\ntitle: A\n').error?.message).toMatch(/has no closing --- line/);
    expect(readFrontmatter('---\n- a\n- b\n---\n').error?.message).toMatch(/mapping/);
  });
});

describe('firstHeading', () => {
  it('finds the first level-1 heading', () => {
    expect(firstHeading('intro\n# Title here #\n## Sub')).toBe('Title here');
    expect(firstHeading('## Only sub')).toBeNull();
  });
});
