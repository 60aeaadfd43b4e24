import { describe, expect, it } from 'vitest';
import { matchingLines, SpecSearch } from '../../../electron/services/workspace/spec-search.ts';

const REQUIREMENTS = [
  '---',
  'title: Offline review — requirements',
  '---',
  '',
  '# Offline review',
  '',
  '### REQ-7KQ2M4: Cache shared notes',
  '',
  'When a note is shared, the app shall store a readable copy within 30 seconds.',
  '',
  '### REQ-9F3TXA: Keep offline comments',
  '',
  'While the device is offline, the app shall save each new comment.',
].join('\n');

const TASKS =
  '# Tasks\n\n- [ ] T001 Create the note cache (REQ-7KQ2M4)\n- [ ] T002 Sync comments\n';

function index(): SpecSearch {
  const search = new SpecSearch();
  search.set('specs/review/requirements.md', REQUIREMENTS, 'Offline review — requirements');
  search.set('specs/review/tasks.md', TASKS, 'Tasks');
  return search;
}

describe('SpecSearch', () => {
  it('finds the line a word is on, with the word marked in the snippet', () => {
    const hits = index().search('readable');
    expect(hits).toHaveLength(1);
    const [hit] = hits;
    expect(hit).toMatchObject({ path: 'specs/review/requirements.md', line: 9 });
    const mark = hit!.marks[0]!;
    expect(hit!.snippet.slice(mark.start, mark.end)).toBe('readable');
  });

  it('needs every word of the query in a file, the last one as a prefix (search as you type)', () => {
    const search = index();
    expect(search.search('offline comm').map((h) => `${h.path}:${h.line}`)).toEqual([
      'specs/review/requirements.md:11',
      'specs/review/requirements.md:13',
      'specs/review/requirements.md:2',
    ]);
    // "sync" is only in tasks.md, "readable" only in requirements.md: no file has both.
    expect(search.search('sync readable')).toEqual([]);
  });

  it('finds requirement IDs in the specs that declare and cite them', () => {
    const paths = index()
      .search('REQ-7KQ2M4')
      .map((h) => `${h.path}:${h.line}`);
    expect(paths).toEqual(
      expect.arrayContaining(['specs/review/requirements.md:7', 'specs/review/tasks.md:3']),
    );
  });

  it('tolerates a typo in a longer word', () => {
    expect(
      index()
        .search('readble')
        .map((h) => h.line),
    ).toEqual([9]);
  });

  it('follows edits and deletions file by file', () => {
    const search = index();
    search.set('specs/review/tasks.md', '# Tasks\n\n- [ ] T003 Encrypt the cache file\n', 'Tasks');
    expect(search.search('sync')).toEqual([]);
    expect(search.search('encrypt').map((h) => `${h.path}:${h.line}`)).toEqual([
      'specs/review/tasks.md:3',
    ]);
    search.remove('specs/review/tasks.md');
    expect(search.search('encrypt')).toEqual([]);
    expect(search.size).toBe(1);
  });

  it('ranks files with the words in the title first and caps the hits', () => {
    const search = new SpecSearch();
    for (let i = 0; i < 30; i++)
      search.set(`s/${i}.md`, `# Spec ${i}\n\nbackup now\nbackup later\n`);
    search.set('s/backup.md', '# Backup\n\nbackup everything\n', 'Backup');
    const hits = search.search('backup', { limit: 10 });
    expect(hits).toHaveLength(10);
    expect(hits[0]?.path).toBe('s/backup.md');
  });
});

describe('matchingLines', () => {
  it('puts the lines with the most terms first and cuts long lines around the match', () => {
    const long = `${'x '.repeat(200)}needle and thread ${'y '.repeat(200)}`;
    const lines = matchingLines(`needle\n${long}\nthread`, ['needle', 'thread'], 3);
    expect(lines.map((l) => l.line)).toEqual([2, 1, 3]);
    const first = lines[0]!;
    expect(first.snippet.startsWith('…')).toBe(true);
    expect(first.snippet.length).toBeLessThanOrEqual(162);
    expect(first.marks.map((m) => first.snippet.slice(m.start, m.end))).toEqual([
      'needle',
      'thread',
    ]);
  });

  it('matches whole words and prefixes, not the middle of a word', () => {
    expect(matchingLines('cachet\nthe cache\nprecache', ['cache'], 5).map((l) => l.line)).toEqual([
      1, 2,
    ]);
  });
});
