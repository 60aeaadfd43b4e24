import fs from 'node:fs';
import path from 'node:path';

let sequence = 0;

/**
 * Writes a file so that readers see the old content or the new, never half of either: the
 * bytes go to a temporary file in the same folder, are flushed, then renamed over the target.
 * `exclusive`: the file must not exist; it is linked into place (failing with EEXIST when
 * something is there, even if it appeared a moment ago) instead of renamed over it.
 */
export function writeFileAtomic(
  file: string,
  data: string | Uint8Array,
  options: { mode?: number; exclusive?: boolean } = {},
): void {
  const dir = path.dirname(file);
  fs.mkdirSync(dir, { recursive: true });
  const unique = `${process.pid}.${++sequence}.${Math.random().toString(36).slice(2, 8)}`;
  const temp = path.join(dir, `.${path.basename(file)}.${unique}.tmp`);
  const fd = fs.openSync(temp, 'wx', options.mode ?? 0o666);
  try {
    fs.writeFileSync(fd, data);
    fs.fsyncSync(fd);
  } catch (error) {
    fs.closeSync(fd);
    fs.rmSync(temp, { force: true });
    throw error;
  }
  fs.closeSync(fd);
  try {
    if (options.mode !== undefined) fs.chmodSync(temp, options.mode);
    if (options.exclusive) fs.linkSync(temp, file);
    else fs.renameSync(temp, file);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw error;
  }
  if (options.exclusive) fs.rmSync(temp, { force: true });
}
