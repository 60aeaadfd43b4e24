// Saving a spec from the editor: atomic, inside the workspace only, and never over a change
// someone else made since the editor opened the file (unless the user says to overwrite).
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from '../files/atomic-write.ts';
import { CairnFailure } from '../../ipc/failure.ts';
import { MAX_READ_BYTES, readWorkspaceFile } from './workspace.ts';

/** Identifies a text as read from disk: the editor sends it back when it saves. */
export function textVersion(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

export interface WriteOptions {
  /** The version the editor opened; null for a file that must not exist yet. */
  expectedVersion: string | null;
  /** Write even if the file changed on disk (the user chose to overwrite). */
  overwrite?: boolean;
}

export interface WrittenFile {
  path: string;
  version: string;
  bytes: number;
  modifiedAt: string;
}

export async function writeWorkspaceFile(
  root: string,
  rel: string,
  text: string,
  options: WriteOptions,
): Promise<WrittenFile> {
  if (!rel.toLowerCase().endsWith('.md')) {
    throw new CairnFailure(
      'forbidden',
      `'${rel}' is not a Markdown file; the editor saves specs (.md) only.`,
    );
  }
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > MAX_READ_BYTES) {
    throw new CairnFailure(
      'invalid_input',
      `'${rel}' would be ${bytes} bytes; Cairn saves files up to ${MAX_READ_BYTES} bytes. Split the document.`,
    );
  }
  const target = await targetInside(root, rel);
  const current = await currentText(root, rel, target);
  if (!options.overwrite) {
    if (options.expectedVersion === null && current !== null) {
      throw new CairnFailure(
        'conflict',
        `'${rel}' already exists. Open it to edit it, or choose to overwrite it.`,
      );
    }
    if (
      options.expectedVersion !== null &&
      (current === null || textVersion(current) !== options.expectedVersion)
    ) {
      throw new CairnFailure(
        'conflict',
        current === null
          ? `'${rel}' was deleted on disk since you opened it. Save again to write it back, or close it.`
          : `'${rel}' changed on disk since you opened it. Reload it to see the change (your edits are lost), or overwrite it with your version.`,
      );
    }
  }
  writeFileAtomic(target, text);
  const stat = await fs.promises.stat(target);
  return {
    path: rel,
    version: textVersion(text),
    bytes: stat.size,
    modifiedAt: stat.mtime.toISOString(),
  };
}

/** The real file to write: a link inside the workspace is followed, one leading out refused. */
async function targetInside(root: string, rel: string): Promise<string> {
  const full = path.resolve(root, rel);
  let real: string;
  try {
    real = await fs.promises.realpath(full);
  } catch {
    // A new file: its nearest existing folder must be inside the workspace.
    let dir = path.dirname(full);
    for (;;) {
      try {
        real = path.join(await fs.promises.realpath(dir), path.relative(dir, full));
        break;
      } catch {
        const up = path.dirname(dir);
        if (up === dir) throw new CairnFailure('not_found', `No folder for '${rel}'.`);
        dir = up;
      }
    }
  }
  if (!real.startsWith(root + path.sep)) {
    throw new CairnFailure(
      'forbidden',
      `'${rel}' leads outside the workspace; Cairn only writes files inside ${root}.`,
    );
  }
  return real;
}

async function currentText(root: string, rel: string, target: string): Promise<string | null> {
  try {
    await fs.promises.stat(target);
  } catch {
    return null;
  }
  return readWorkspaceFile(root, rel);
}
