// Downloads a model file: HTTPS only (plain HTTP only to this machine, for tests), redirects
// followed, progress reported, cancellable, resumable with HTTP Range after an interruption,
// and checked against a SHA-256 before the file takes its final name. It lives in routing/
// because this is the egress gate: no other part of Cairn opens network connections.
//
// While downloading, the bytes go to `<destination>.part` and a small `<destination>.part.json`
// records the URL and the server's validator (ETag / Last-Modified), so that a later run
// resumes only the same file. A hash mismatch deletes the part: resuming it would not help.
import { createHash, type Hash } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import path from 'node:path';

export type DownloadProblem =
  | 'insecure_url'
  | 'http_status'
  | 'network'
  | 'cancelled'
  | 'hash_mismatch'
  | 'size_mismatch'
  | 'too_many_redirects'
  | 'disk';

export class DownloadError extends Error {
  override name = 'DownloadError';
  constructor(
    readonly problem: DownloadProblem,
    message: string,
    /** Bytes kept in the part file for a later resume (0 when it was deleted). */
    readonly keptBytes = 0,
  ) {
    super(message);
  }
}

export interface DownloadProgress {
  receivedBytes: number;
  /** Null while the server has not said. */
  totalBytes: number | null;
  /** Bytes that were already on disk when this attempt started. */
  resumedFromBytes: number;
}

export interface DownloadOptions {
  url: string;
  destination: string;
  /** Lowercase hex; null when nothing is published (the caller then pins what it gets). */
  expectedSha256?: string | null;
  expectedBytes?: number | null;
  signal?: AbortSignal;
  onProgress?: (progress: DownloadProgress) => void;
  /** Attempts after a broken connection, each resuming where the last stopped. Default 3. */
  retries?: number;
  /** Milliseconds without a byte before the connection counts as broken. Default 60 s. */
  idleTimeoutMs?: number;
  /** Wait before retry n is n times this. Default 1000 ms. */
  retryDelayMs?: number;
  userAgent?: string;
}

export interface DownloadResult {
  path: string;
  sha256: string;
  bytes: number;
  /** Bytes reused from a download interrupted before this call. */
  resumedFromBytes: number;
  /** Connections it took (more than one when a broken connection was resumed). */
  attempts: number;
}

interface PartMeta {
  url: string;
  validator: string | null;
  totalBytes: number | null;
}

const MAX_REDIRECTS = 10;
const PROGRESS_EVERY_MS = 100;
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

export function checkDownloadUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new DownloadError('insecure_url', `'${raw}' is not a valid URL.`);
  }
  if (url.protocol === 'https:') return url;
  if (url.protocol === 'http:' && LOOPBACK.has(url.hostname)) return url;
  throw new DownloadError(
    'insecure_url',
    `Refusing to download from ${url.origin}: models are downloaded over HTTPS only (plain HTTP only from this machine).`,
  );
}

function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function readMeta(file: string): PartMeta | null {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as PartMeta;
  } catch {
    return null;
  }
}

function removeQuietly(file: string): void {
  fs.rmSync(file, { force: true });
}

async function hashExisting(file: string, bytes: number): Promise<Hash> {
  const hash = createHash('sha256');
  if (bytes === 0) return hash;
  for await (const chunk of fs.createReadStream(file, { start: 0, end: bytes - 1 })) {
    hash.update(chunk as Buffer);
  }
  return hash;
}

interface Attempt {
  response: http.IncomingMessage;
  request: http.ClientRequest;
  finalUrl: URL;
}

function get(
  url: URL,
  headers: Record<string, string>,
  signal: AbortSignal | undefined,
  redirects = 0,
): Promise<Attempt> {
  return new Promise((resolve, reject) => {
    const client = url.protocol === 'https:' ? https : http;
    const request = client.get(url, { headers, signal }, (response) => {
      const status = response.statusCode ?? 0;
      const location = response.headers.location;
      if (status >= 300 && status < 400 && location) {
        response.resume();
        if (redirects >= MAX_REDIRECTS) {
          reject(
            new DownloadError(
              'too_many_redirects',
              `More than ${MAX_REDIRECTS} redirects from ${url.origin}.`,
            ),
          );
          return;
        }
        let next: URL;
        try {
          next = checkDownloadUrl(new URL(location, url).href);
        } catch (error) {
          reject(error);
          return;
        }
        get(next, headers, signal, redirects + 1).then(resolve, reject);
        return;
      }
      resolve({ response, request, finalUrl: url });
    });
    request.on('error', reject);
  });
}

/** Downloads `url` to `destination`, resuming a part left by an earlier attempt. */
export async function downloadModel(options: DownloadOptions): Promise<DownloadResult> {
  const url = checkDownloadUrl(options.url);
  const retries = options.retries ?? 3;
  const retryDelayMs = options.retryDelayMs ?? 1000;
  const part = `${options.destination}.part`;
  const metaFile = `${part}.json`;
  try {
    fs.mkdirSync(path.dirname(options.destination), { recursive: true });
  } catch (error) {
    throw new DownloadError(
      'disk',
      `Cannot create ${path.dirname(options.destination)}: ${(error as Error).message}`,
    );
  }

  // A part from another URL (or with no record of where it came from) cannot be resumed.
  const meta = readMeta(metaFile);
  if (fs.existsSync(part) && meta?.url !== url.href) {
    removeQuietly(part);
    removeQuietly(metaFile);
  }

  const resumedFromBytes = partSize(part);
  let attempts = 0;
  for (;;) {
    attempts++;
    try {
      const outcome = await attempt(url, part, metaFile, options);
      return await finish(outcome, part, metaFile, options, resumedFromBytes, attempts);
    } catch (error) {
      const retryable = error instanceof DownloadError && error.problem === 'network';
      if (!retryable || attempts > retries) throw error;
      await new Promise((resolve) => setTimeout(resolve, retryDelayMs * attempts));
      if (options.signal?.aborted) throw cancelled(part);
    }
  }
}

function partSize(part: string): number {
  try {
    return fs.statSync(part).size;
  } catch {
    return 0;
  }
}

function cancelled(part: string): DownloadError {
  const kept = partSize(part);
  return new DownloadError(
    'cancelled',
    `Download cancelled; ${mb(kept)} kept in ${part}. Run the download again to resume.`,
    kept,
  );
}

interface AttemptOutcome {
  hash: Hash;
  bytes: number;
  totalBytes: number | null;
  resumedFromBytes: number;
}

async function attempt(
  url: URL,
  part: string,
  metaFile: string,
  options: DownloadOptions,
): Promise<AttemptOutcome> {
  let existing = partSize(part);
  const meta = readMeta(metaFile);
  const headers: Record<string, string> = {
    'user-agent': options.userAgent ?? 'Cairn model downloader',
    'accept-encoding': 'identity',
  };
  if (existing > 0) {
    headers.range = `bytes=${existing}-`;
    if (meta?.validator) headers['if-range'] = meta.validator;
  }

  let connection: Attempt;
  try {
    connection = await get(url, headers, options.signal);
  } catch (error) {
    if (error instanceof DownloadError) throw error;
    if (options.signal?.aborted) throw cancelled(part);
    throw new DownloadError(
      'network',
      `Cannot reach ${url.host}: ${(error as Error).message}`,
      existing,
    );
  }
  const { response, request } = connection;
  const status = response.statusCode ?? 0;

  let totalBytes: number | null = null;
  if (status === 206) {
    const range = /^bytes (\d+)-(\d+)\/(\d+|\*)$/.exec(response.headers['content-range'] ?? '');
    if (!range || Number(range[1]) !== existing) {
      response.resume();
      // The server sent some other range: start over rather than splice wrong bytes.
      removeQuietly(part);
      throw new DownloadError(
        'network',
        `The server answered a resume with the wrong range (${response.headers['content-range'] ?? 'none'}); starting over.`,
      );
    }
    totalBytes = range[3] === '*' ? null : Number(range[3]);
  } else if (status === 200) {
    // The server ignored the Range (or the file changed): the download starts from zero.
    existing = 0;
    const length = Number(response.headers['content-length']);
    totalBytes =
      Number.isFinite(length) && response.headers['content-length'] !== undefined ? length : null;
  } else if (status === 416 && existing > 0) {
    response.resume();
    const total = /^bytes \*\/(\d+)$/.exec(response.headers['content-range'] ?? '');
    if (total && Number(total[1]) === existing) {
      return {
        hash: await hashExisting(part, existing),
        bytes: existing,
        totalBytes: existing,
        resumedFromBytes: existing,
      };
    }
    removeQuietly(part);
    throw new DownloadError(
      'network',
      'The partial file is longer than the file on the server; starting over.',
    );
  } else {
    response.resume();
    throw new DownloadError(
      'http_status',
      `The server answered ${status} ${response.statusMessage ?? ''} for ${url.href}.`.replace(
        /\s+\./,
        '.',
      ),
    );
  }

  const validator =
    (response.headers.etag as string | undefined) ?? response.headers['last-modified'] ?? null;
  fs.writeFileSync(
    metaFile,
    JSON.stringify({ url: url.href, validator, totalBytes } satisfies PartMeta),
  );
  const hash = await hashExisting(part, existing);
  const resumedFromBytes = existing;
  let received = existing;
  const report = () =>
    options.onProgress?.({ receivedBytes: received, totalBytes, resumedFromBytes });
  report();

  const out = fs.createWriteStream(part, { flags: existing > 0 ? 'r+' : 'w', start: existing });
  let lastReport = 0;
  request.setTimeout(options.idleTimeoutMs ?? 60_000, () => {
    request.destroy(new Error(`no data for ${(options.idleTimeoutMs ?? 60_000) / 1000} s`));
  });
  try {
    await new Promise<void>((resolve, reject) => {
      response.on('data', (chunk: Buffer) => {
        hash.update(chunk);
        received += chunk.length;
        if (!out.write(chunk)) {
          response.pause();
          out.once('drain', () => response.resume());
        }
        const now = Date.now();
        if (now - lastReport >= PROGRESS_EVERY_MS) {
          lastReport = now;
          report();
        }
      });
      response.on('end', () => {
        if (!response.complete)
          reject(new Error('the connection closed before the end of the file'));
        else resolve();
      });
      response.on('error', reject);
      response.on('aborted', () => reject(new Error('the connection was cut')));
      request.on('error', reject);
      out.on('error', reject);
    });
  } catch (error) {
    await new Promise<void>((resolve) => out.end(resolve));
    if (options.signal?.aborted) throw cancelled(part);
    if ((error as NodeJS.ErrnoException).code === 'ENOSPC') {
      throw new DownloadError(
        'disk',
        `The disk is full while writing ${part}. Free some space and run the download again to resume.`,
        partSize(part),
      );
    }
    const kept = partSize(part);
    throw new DownloadError(
      'network',
      `The download broke after ${mb(kept)}${totalBytes ? ` of ${mb(totalBytes)}` : ''} (${(error as Error).message}). ` +
        `The partial file is kept in ${part}; running the download again resumes it.`,
      kept,
    );
  }
  await new Promise<void>((resolve, reject) =>
    out.end((error?: Error | null) => (error ? reject(error) : resolve())),
  );
  report();
  return { hash, bytes: received, totalBytes, resumedFromBytes };
}

async function finish(
  outcome: AttemptOutcome,
  part: string,
  metaFile: string,
  options: DownloadOptions,
  resumedFromBytes: number,
  attempts: number,
): Promise<DownloadResult> {
  const expectedBytes = options.expectedBytes ?? outcome.totalBytes;
  if (expectedBytes !== null && expectedBytes !== undefined && outcome.bytes !== expectedBytes) {
    removeQuietly(part);
    removeQuietly(metaFile);
    throw new DownloadError(
      'size_mismatch',
      `The download has ${outcome.bytes} bytes but ${expectedBytes} were expected. The file was deleted; try again later.`,
    );
  }
  const sha256 = outcome.hash.digest('hex');
  const expected = options.expectedSha256?.toLowerCase();
  if (expected && sha256 !== expected) {
    removeQuietly(part);
    removeQuietly(metaFile);
    throw new DownloadError(
      'hash_mismatch',
      `The downloaded file's SHA-256 is ${sha256}, but ${expected} was expected. ` +
        `The file was deleted. It may have been replaced upstream or damaged on the way; do not use it.`,
    );
  }
  try {
    fs.renameSync(part, options.destination);
  } catch (error) {
    throw new DownloadError(
      'disk',
      `Cannot move ${part} to ${options.destination}: ${(error as Error).message}`,
      outcome.bytes,
    );
  }
  removeQuietly(metaFile);
  return { path: options.destination, sha256, bytes: outcome.bytes, resumedFromBytes, attempts };
}
