import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveDataDir } from '../../electron/services/store/data-dir.ts';

describe('resolveDataDir', () => {
  it('prefers the flag, then CAIRN_DATA_DIR', () => {
    expect(resolveDataDir('rel/dir', { CAIRN_DATA_DIR: '/env' })).toBe(path.resolve('rel/dir'));
    expect(resolveDataDir(undefined, { CAIRN_DATA_DIR: '/env/cairn' })).toBe('/env/cairn');
  });

  it('uses the platform user data folder otherwise, as Electron does', () => {
    expect(resolveDataDir(undefined, {}, 'linux', '/home/u')).toBe('/home/u/.config/Cairn');
    expect(resolveDataDir(undefined, { XDG_CONFIG_HOME: '/xdg' }, 'linux', '/home/u')).toBe(
      '/xdg/Cairn',
    );
    expect(resolveDataDir(undefined, {}, 'darwin', '/Users/u')).toBe(
      '/Users/u/Library/Application Support/Cairn',
    );
    expect(resolveDataDir(undefined, { APPDATA: '/appdata' }, 'win32', '/h')).toBe(
      path.join('/appdata', 'Cairn'),
    );
  });
});
