// What the desktop build ships: native and large runtime packages stay external, and the
// packaging config keeps Electron's fuses locked.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';

describe('the Electron bundles', () => {
  beforeAll(() => {
    const result = spawnSync(process.execPath, ['scripts/build-main.mjs'], { encoding: 'utf8' });
    expect(result.status, result.stderr).toBe(0);
  });

  it('keep better-sqlite3, node-llama-cpp and electron external', () => {
    const main = fs.readFileSync('dist/main/main.cjs', 'utf8');
    expect(main).toMatch(/require\("better-sqlite3"\)/);
    expect(main).toMatch(/require\("electron"\)/);
    // The library's own code would carry this string if it had been bundled.
    expect(main).not.toMatch(/prepare\(source\)|class Database extends/);
  });

  it('build the inference worker as an ES module for the utility process', () => {
    const worker = fs.readFileSync('dist/main/inference-worker.mjs', 'utf8');
    expect(worker).toMatch(/from "node-llama-cpp"/);
    expect(fs.readFileSync('dist/main/main.cjs', 'utf8')).not.toMatch(
      /require\("node-llama-cpp"\)/,
    );
  });

  it('expose nothing but the Cairn API from the preload', () => {
    const preload = fs.readFileSync('dist/preload/preload.cjs', 'utf8');
    const exposed = [...preload.matchAll(/exposeInMainWorld\("([^"]+)"/g)].map((m) => m[1]);
    expect(exposed).toEqual(['cairn']);
  });
});

describe('electron-builder.yml', () => {
  const config = parse(fs.readFileSync('electron-builder.yml', 'utf8'));

  it('locks the fuses', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('unpacks the native modules from the asar archive', () => {
    expect(config.asarUnpack).toEqual(
      expect.arrayContaining(['node_modules/better-sqlite3/**', 'node_modules/@node-llama-cpp/**']),
    );
  });

  it('differs for tests only in the inspect fuse Playwright needs', () => {
    const test = parse(fs.readFileSync('electron-builder.test.yml', 'utf8'));
    expect({ ...test.electronFuses, enableNodeCliInspectArguments: false }).toEqual(
      config.electronFuses,
    );
    expect(test.electronFuses.enableNodeCliInspectArguments).toBe(true);
  });
});
