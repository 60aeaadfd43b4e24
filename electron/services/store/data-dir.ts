import os from 'node:os';
import path from 'node:path';

export const DATA_DIR_ENV = 'CAIRN_DATA_DIR';

/**
 * Where Cairn keeps its database and caches: the `--data-dir` flag, then `CAIRN_DATA_DIR`,
 * then the platform's user data folder (the same one Electron's `app.getPath('userData')`
 * gives for an app named Cairn). Never inside the workspace repository.
 */
export function resolveDataDir(
  flag: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = os.homedir(),
): string {
  if (flag) return path.resolve(flag);
  const fromEnv = env[DATA_DIR_ENV];
  if (fromEnv) return path.resolve(fromEnv);
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'Cairn');
  if (platform === 'win32') {
    return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'Cairn');
  }
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), 'Cairn');
}
