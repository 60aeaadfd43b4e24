import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  listSpecFiles,
  openWorkspace,
  readWorkspaceFile,
  type SpecListingCache,
} from '../../electron/services/workspace/workspace.ts';
import { SAMPLE_WORKSPACE, tempDir } from '../support/temp-dir.ts';

describe('the sample workspace', () => {
  it('lists its specs with titles, types and statuses from frontmatter', async () => {
    const files = await listSpecFiles(SAMPLE_WORKSPACE);
    expect(files.map((f) => [f.path, f.title, f.type, f.status])).toEqual([
      ['README.md', 'Lantern — sample workspace', null, null],
      ['specs/offline-review/design.md', 'Offline review — design', 'design', 'draft'],
      ['specs/offline-review/prd.md', 'Offline review of shared notes', 'prd', 'approved'],
      [
        'specs/offline-review/requirements.md',
        'Offline review — requirements',
        'requirements',
        'review',
      ],
      ['specs/offline-review/tasks.md', 'Offline review — tasks', 'tasks', 'in-progress'],
    ]);
    expect(files.every((f) => f.problem === null)).toBe(true);
  });
});

describe('workspace files', () => {
  const root = fs.realpathSync(tempDir('cairn-ws-'));
  fs.mkdirSync(path.join(root, 'specs'));
  fs.mkdirSync(path.join(root, 'node_modules', 'pkg'), { recursive: true });
  fs.mkdirSync(path.join(root, '.git'));
  fs.mkdirSync(path.join(root, '.kiro', 'specs', 'login'), { recursive: true });
  fs.writeFileSync(path.join(root, 'specs', 'broken.md'), '---\ntitle: [unclosed\n---\n# Body\n');
  fs.writeFileSync(path.join(root, 'node_modules', 'pkg', 'README.md'), '# not a spec');
  fs.writeFileSync(path.join(root, '.git', 'notes.md'), '# not a spec');
  fs.writeFileSync(
    path.join(root, '.kiro', 'specs', 'login', 'requirements.md'),
    '# Login requirements',
  );
  const outside = tempDir('cairn-outside-');
  fs.writeFileSync(path.join(outside, 'secret.md'), 'secret');
  fs.symlinkSync(path.join(outside, 'secret.md'), path.join(root, 'specs', 'link.md'));

  it('lists specs in SDD tool folders but skips dependencies and .git', async () => {
    const paths = (await listSpecFiles(root)).map((f) => f.path);
    expect(paths).toEqual(['.kiro/specs/login/requirements.md', 'specs/broken.md']);
  });

  it('still lists a file with broken frontmatter, with the file and line of the problem', async () => {
    const broken = (await listSpecFiles(root)).find((f) => f.path === 'specs/broken.md');
    expect(broken?.title).toBe('Body');
    expect(broken?.problem).toMatch(/^specs\/broken\.md:\d+: /);
  });

  it('refuses to follow a link out of the workspace', async () => {
    await expect(readWorkspaceFile(root, 'specs/link.md')).rejects.toThrow(
      /leads outside the workspace/,
    );
  });

  it('says clearly when a file or folder does not exist', async () => {
    await expect(readWorkspaceFile(root, 'specs/none.md')).rejects.toThrow(
      /No file 'specs\/none.md'/,
    );
    expect(() => openWorkspace(path.join(root, 'nope'))).toThrow(/No folder at .*nope/);
    expect(() => openWorkspace(path.join(root, 'specs', 'broken.md'))).toThrow(
      /is a file, not a folder/,
    );
  });
});

describe('the listing cache', () => {
  it('picks up a changed title, a new file and a deleted file', async () => {
    const root = tempDir('cairn-cache-');
    const spec = path.join(root, 'a.md');
    fs.writeFileSync(spec, '---\ntitle: First\n---\n');
    fs.writeFileSync(path.join(root, 'b.md'), '# B');
    const cache: SpecListingCache = new Map();
    expect((await listSpecFiles(root, { cache })).map((f) => f.title)).toEqual(['First', 'B']);

    fs.writeFileSync(spec, '---\ntitle: Second, longer\n---\n');
    fs.rmSync(path.join(root, 'b.md'));
    fs.writeFileSync(path.join(root, 'c.md'), '# C');
    expect((await listSpecFiles(root, { cache })).map((f) => f.title)).toEqual([
      'Second, longer',
      'C',
    ]);
    expect([...cache.keys()].sort()).toEqual(['a.md', 'c.md']);
  });

  it('reports progress and can be cancelled', async () => {
    const root = tempDir('cairn-cancel-');
    for (let i = 0; i < 1200; i++) fs.writeFileSync(path.join(root, `s${i}.md`), `# S${i}`);
    const progress: number[] = [];
    await listSpecFiles(root, { onProgress: (p) => progress.push(p.found) });
    expect(progress.at(-1)).toBe(1200);
    const controller = new AbortController();
    controller.abort();
    await expect(listSpecFiles(root, { signal: controller.signal })).rejects.toThrow(/cancelled/);
  });
});
