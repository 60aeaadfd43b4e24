import { createHash } from 'node:crypto';
import fs from 'node:fs';

/** SHA-256 of a file, as lowercase hex, read as a stream (models are gigabytes). */
export async function sha256File(
  file: string,
  onProgress?: (hashedBytes: number) => void,
  signal?: AbortSignal,
): Promise<string> {
  const hash = createHash('sha256');
  let hashed = 0;
  for await (const chunk of fs.createReadStream(file, { highWaterMark: 4 * 1024 * 1024, signal })) {
    hash.update(chunk as Buffer);
    hashed += (chunk as Buffer).length;
    onProgress?.(hashed);
  }
  return hash.digest('hex');
}

export const SHA256_HEX = /^[0-9a-f]{64}$/;
