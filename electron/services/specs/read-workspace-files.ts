// Reads a workspace folder into the pure parser's input: every file path (for links and
// `covers` globs) and the text of the files specs live in. Files that cannot be handed over
// as text (binary, oversize, unreadable) are reported, not thrown; text that is not valid
// UTF-8 is decoded with replacement characters and reported with the place of the first bad
// byte. BOM and CRLF are left for the parser to normalize.
import fs from 'node:fs';
import path from 'node:path';
import type { FileProblem, SourceFile, WorkspaceInput } from '../../../workflows/specs/model.ts';
import { CONFIG_PATH } from '../../../workflows/specs/workspace-config.ts';
import { MAX_READ_BYTES, skipsFolder } from '../workspace/workspace.ts';

export interface ReadOptions {
  /** Files larger than this are skipped with a problem (default: 5 MiB). */
  maxBytes?: number;
}

const BINARY_PROBE_BYTES = 8192;
const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true });
const READ_CONCURRENCY = 8;

/** Whether the text of a workspace file is read for the spec tools. */
export function isSpecTextFile(rel: string): boolean {
  return rel.toLowerCase().endsWith('.md') || rel === CONFIG_PATH;
}

export async function readWorkspaceFiles(
  root: string,
  options: ReadOptions = {},
): Promise<WorkspaceInput> {
  const maxBytes = options.maxBytes ?? MAX_READ_BYTES;
  const paths = await listFiles(root);
  const files: SourceFile[] = [];
  const problems: FileProblem[] = [];
  const wanted = paths.filter(isSpecTextFile);
  for (let i = 0; i < wanted.length; i += READ_CONCURRENCY) {
    const batch = wanted.slice(i, i + READ_CONCURRENCY);
    const results = await Promise.all(batch.map((rel) => readTextFile(root, rel, maxBytes)));
    for (const result of results) {
      if (result.file) files.push(result.file);
      if (result.problem) problems.push(result.problem);
    }
  }
  return { files, paths, problems };
}

/** Every regular file under `root`, relative with forward slashes, sorted. Links are not followed. */
export async function listFiles(root: string): Promise<string[]> {
  const out: string[] = [];
  const pending = [''];
  while (pending.length > 0) {
    const dir = pending.pop() as string;
    const entries = await fs.promises.readdir(path.join(root, dir), { withFileTypes: true });
    for (const entry of entries) {
      const rel = dir ? `${dir}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (!skipsFolder(entry.name)) pending.push(rel);
      } else if (entry.isFile()) {
        out.push(rel);
      }
    }
  }
  return out.sort();
}

/** One file as the parser's input, or the problem that kept it out (or came with it). */
export async function readTextFile(
  root: string,
  rel: string,
  maxBytes: number,
): Promise<{ file?: SourceFile; problem?: FileProblem }> {
  let bytes: Buffer;
  try {
    const stat = await fs.promises.stat(path.join(root, rel));
    if (stat.size > maxBytes) {
      return {
        problem: {
          path: rel,
          kind: 'too-large',
          message: `Skipped: ${stat.size} bytes, over the ${maxBytes}-byte limit for spec files. Split it into smaller documents.`,
        },
      };
    }
    bytes = await fs.promises.readFile(path.join(root, rel));
  } catch (error) {
    return {
      problem: {
        path: rel,
        kind: 'unreadable',
        message: `Skipped: cannot read the file (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}).`,
      },
    };
  }
  if (bytes.subarray(0, BINARY_PROBE_BYTES).includes(0)) {
    return {
      problem: {
        path: rel,
        kind: 'binary',
        message: 'Skipped: the file holds NUL bytes, so it is binary, not Markdown text.',
      },
    };
  }
  // The native strict decoder checks UTF-8 far faster than a loop over the bytes; only a file
  // it refuses is scanned, for the place of the first bad byte.
  try {
    return { file: { path: rel, text: STRICT_UTF8.decode(bytes) } };
  } catch {
    // Not valid UTF-8: read below with replacement characters.
  }
  const text = new TextDecoder('utf-8').decode(bytes);
  const bad = firstInvalidUtf8(bytes);
  if (bad === -1) return { file: { path: rel, text } };
  const where = positionOfByte(bytes, bad);
  return {
    file: { path: rel, text },
    problem: {
      path: rel,
      kind: 'invalid-utf8',
      message: `Not valid UTF-8: byte 0x${(bytes[bad] as number).toString(16).padStart(2, '0')} at line ${where.line}, column ${where.column}. Save the file as UTF-8; the bad bytes were read as U+FFFD.`,
      range: { start: where, end: { line: where.line, column: where.column + 1 } },
    },
  };
}

/** Offset of the first byte that breaks UTF-8, or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] as number;
    const need =
      b < 0x80
        ? 0
        : b >= 0xc2 && b <= 0xdf
          ? 1
          : b >= 0xe0 && b <= 0xef
            ? 2
            : b >= 0xf0 && b <= 0xf4
              ? 3
              : -1;
    if (need < 0) return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      // Overlong 3-byte forms, UTF-16 surrogates, and code points past U+10FFFF.
      if (
        k === 1 &&
        ((b === 0xe0 && c < 0xa0) ||
          (b === 0xed && c > 0x9f) ||
          (b === 0xf0 && c < 0x90) ||
          (b === 0xf4 && c > 0x8f))
      ) {
        return i;
      }
    }
    i += need + 1;
  }
  return -1;
}

/** 1-based line and column (in characters as the decoder reads them) of byte `offset`. */
function positionOfByte(bytes: Uint8Array, offset: number): { line: number; column: number } {
  const before = new TextDecoder('utf-8').decode(bytes.subarray(0, offset));
  const lines = before.split(/\r\n|\r|\n/);
  // The decoder drops a leading BOM, as editors hide it.
  return { line: lines.length, column: (lines[lines.length - 1] ?? '').length + 1 };
}
