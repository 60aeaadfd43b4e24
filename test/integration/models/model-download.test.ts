import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  DownloadError,
  downloadModel,
  type DownloadProgress,
} from '../../../native-models/routing/model-download.ts';
import { startModelFileServer, type ModelFileServer } from '../../support/model-file-server.ts';
import { buildTinyGguf } from '../../support/tiny-gguf.ts';

let server: ModelFileServer;
let dir: string;
let content: Buffer;
let sha256: string;
let destination: string;

beforeAll(async () => {
  content = buildTinyGguf({ seed: 9 });
  sha256 = createHash('sha256').update(content).digest('hex');
  server = await startModelFileServer(content);
});
afterAll(() => server.close());
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cairn-download-'));
  destination = path.join(dir, 'models', 'tiny.gguf');
  server.plan = {};
  server.requests = [];
  server.content = content;
});

async function failure(promise: Promise<unknown>): Promise<DownloadError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DownloadError);
  return error as DownloadError;
}

describe('downloadModel', () => {
  it('downloads, reports progress, checks the SHA-256 and moves the file into place', async () => {
    const progress: DownloadProgress[] = [];
    const result = await downloadModel({
      url: server.url(),
      destination,
      expectedSha256: sha256,
      expectedBytes: content.length,
      onProgress: (p) => progress.push(p),
    });
    expect(result).toMatchObject({
      path: destination,
      sha256,
      bytes: content.length,
      resumedFromBytes: 0,
      attempts: 1,
    });
    expect(fs.readFileSync(destination).equals(content)).toBe(true);
    expect(fs.readdirSync(path.dirname(destination))).toEqual(['tiny.gguf']);
    expect(progress.at(-1)).toEqual({
      receivedBytes: content.length,
      totalBytes: content.length,
      resumedFromBytes: 0,
    });
    const received = progress.map((p) => p.receivedBytes);
    expect(received).toEqual([...received].sort((a, b) => a - b));
  });

  it('follows redirects', async () => {
    const result = await downloadModel({
      url: server.url('/redirect'),
      destination,
      expectedSha256: sha256,
    });
    expect(result.sha256).toBe(sha256);
    expect(server.requests.map((r) => r.path)).toEqual(['/redirect', '/file']);
  });

  it('resumes with a Range request when the connection is cut mid-file', async () => {
    server.plan = { cutAfterBytes: 100_000 };
    const result = await downloadModel({
      url: server.url(),
      destination,
      expectedSha256: sha256,
      retryDelayMs: 10,
    });
    expect(result).toMatchObject({ sha256, bytes: content.length, attempts: 2 });
    expect(fs.readFileSync(destination).equals(content)).toBe(true);
    expect(server.requests).toHaveLength(2);
    expect(server.requests[0]?.range).toBeUndefined();
    const resumedAt = Number(/^bytes=(\d+)-$/.exec(server.requests[1]?.range ?? '')?.[1]);
    expect(resumedAt).toBeGreaterThan(0);
    expect(resumedAt).toBeLessThanOrEqual(100_000);
    // It resumes only the same file: the server's ETag goes along as If-Range.
    expect(server.requests[1]?.ifRange).toMatch(/^"v-/);
  });

  it('keeps the partial file when it gives up, and a later run resumes it', async () => {
    server.plan = { cutAfterBytes: 150_000 };
    const error = await failure(
      downloadModel({ url: server.url(), destination, expectedSha256: sha256, retries: 0 }),
    );
    expect(error.problem).toBe('network');
    expect(error.message).toMatch(
      /The download broke after .* The partial file is kept in .*tiny\.gguf\.part; running the download again resumes it\./,
    );
    expect(error.keptBytes).toBeGreaterThan(0);
    expect(fs.statSync(`${destination}.part`).size).toBe(error.keptBytes);
    expect(fs.existsSync(destination)).toBe(false);

    const result = await downloadModel({ url: server.url(), destination, expectedSha256: sha256 });
    expect(result.resumedFromBytes).toBe(error.keptBytes);
    expect(server.requests.at(-1)?.range).toBe(`bytes=${error.keptBytes}-`);
    expect(fs.readFileSync(destination).equals(content)).toBe(true);
    expect(fs.existsSync(`${destination}.part`)).toBe(false);
  });

  it('starts over when the server ignores the Range header', async () => {
    server.plan = { cutAfterBytes: 120_000, ignoreRange: true };
    const result = await downloadModel({
      url: server.url(),
      destination,
      expectedSha256: sha256,
      retryDelayMs: 10,
    });
    expect(result.sha256).toBe(sha256);
    expect(server.requests[1]?.range).toBeDefined();
    expect(fs.readFileSync(destination).equals(content)).toBe(true);
  });

  it('starts over when a resume answers with the wrong range', async () => {
    server.plan = { cutAfterBytes: 90_000, wrongRange: true };
    const result = await downloadModel({
      url: server.url(),
      destination,
      expectedSha256: sha256,
      retryDelayMs: 10,
    });
    expect(result.sha256).toBe(sha256);
    // The cut, the resume answered from byte 0 (refused), then a fresh download.
    expect(server.requests.map((r) => r.range === undefined)).toEqual([true, false, true]);
    expect(fs.readFileSync(destination).equals(content)).toBe(true);
  });

  it('does not resume a part downloaded from another URL', async () => {
    fs.mkdirSync(path.dirname(destination), { recursive: true });
    fs.writeFileSync(`${destination}.part`, Buffer.alloc(5000, 7));
    fs.writeFileSync(
      `${destination}.part.json`,
      JSON.stringify({ url: 'http://127.0.0.1:1/other', validator: null, totalBytes: null }),
    );
    const result = await downloadModel({ url: server.url(), destination, expectedSha256: sha256 });
    expect(result.resumedFromBytes).toBe(0);
    expect(server.requests[0]?.range).toBeUndefined();
    expect(result.sha256).toBe(sha256);
  });

  it('deletes the file and says so when the SHA-256 does not match', async () => {
    const wrong = 'f'.repeat(64);
    const error = await failure(
      downloadModel({ url: server.url(), destination, expectedSha256: wrong }),
    );
    expect(error.problem).toBe('hash_mismatch');
    expect(error.message).toBe(
      `The downloaded file's SHA-256 is ${sha256}, but ${wrong} was expected. The file was deleted. ` +
        `It may have been replaced upstream or damaged on the way; do not use it.`,
    );
    expect(fs.readdirSync(path.dirname(destination))).toEqual([]);
  });

  it('deletes a download of the wrong size', async () => {
    const error = await failure(
      downloadModel({ url: server.url(), destination, expectedBytes: content.length + 1 }),
    );
    expect(error.problem).toBe('size_mismatch');
    expect(fs.readdirSync(path.dirname(destination))).toEqual([]);
  });

  it('cancels, keeps what it has, and resumes later', async () => {
    server.plan = { slowChunkBytes: 16_384, slowDelayMs: 15 };
    const controller = new AbortController();
    const error = await failure(
      downloadModel({
        url: server.url(),
        destination,
        signal: controller.signal,
        onProgress: (p) => {
          if (p.receivedBytes >= 64_000) controller.abort();
        },
      }),
    );
    expect(error.problem).toBe('cancelled');
    expect(error.message).toMatch(
      /Download cancelled; .* kept in .*\.part\. Run the download again to resume\./,
    );
    expect(error.keptBytes).toBeGreaterThanOrEqual(64_000);
    expect(error.keptBytes).toBeLessThan(content.length);

    server.plan = {};
    const result = await downloadModel({ url: server.url(), destination, expectedSha256: sha256 });
    expect(result.resumedFromBytes).toBe(error.keptBytes);
    expect(result.sha256).toBe(sha256);
  });

  it('reports HTTP errors with the status', async () => {
    const error = await failure(downloadModel({ url: server.url('/missing'), destination }));
    expect(error.problem).toBe('http_status');
    expect(error.message).toBe(`The server answered 404 Not Found for ${server.url('/missing')}.`);
  });

  it('refuses plain HTTP to other machines, also through a redirect', async () => {
    const direct = await failure(
      downloadModel({ url: 'http://example.com/model.gguf', destination }),
    );
    expect(direct.problem).toBe('insecure_url');
    expect(direct.message).toMatch(/over HTTPS only/);
    const redirected = await failure(
      downloadModel({ url: server.url('/to-elsewhere'), destination }),
    );
    expect(redirected.problem).toBe('insecure_url');
    expect((await failure(downloadModel({ url: 'not a url', destination }))).problem).toBe(
      'insecure_url',
    );
    expect((await failure(downloadModel({ url: 'file:///etc/passwd', destination }))).problem).toBe(
      'insecure_url',
    );
  });

  it('says when nothing listens', async () => {
    const error = await failure(
      downloadModel({ url: 'http://127.0.0.1:1/file', destination, retries: 0 }),
    );
    expect(error.problem).toBe('network');
    expect(error.message).toMatch(/Cannot reach 127\.0\.0\.1:1/);
  });
});
