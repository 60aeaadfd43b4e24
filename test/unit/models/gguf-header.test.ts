import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readGgufFileInfo } from 'node-llama-cpp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readGgufHeader, GgufFormatError } from '../../../native-models/registry/gguf-header.ts';
import { summarizeModel } from '../../../native-models/registry/model-summary.ts';
import {
  buildTinyGguf,
  encodeGguf,
  tinyVocabulary,
  writeTinyGguf,
  type GgufTestTensor,
  type GgufTestValue,
} from '../../support/tiny-gguf.ts';

let dir: string;
let tiny: string;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cairn-gguf-'));
  tiny = writeTinyGguf({}, dir);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function write(name: string, bytes: Buffer | string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, bytes);
  return file;
}

async function problemOf(file: string): Promise<GgufFormatError> {
  const error = await readGgufHeader(file).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(GgufFormatError);
  return error as GgufFormatError;
}

const ARCH: [string, GgufTestValue] = ['general.architecture', { type: 'string', value: 'llama' }];
const tensor = (name: string, length = 8): GgufTestTensor => ({
  name,
  dims: [length],
  data: new Float32Array(length),
});

describe('readGgufHeader on a valid model', () => {
  it('reads version, metadata, tensor infos and where the data starts', async () => {
    const header = await readGgufHeader(tiny);
    expect(header.version).toBe(3);
    expect(header.alignment).toBe(32);
    expect(header.dataOffset % 32).toBe(0);
    expect(header.fileSize).toBe(fs.statSync(tiny).size);
    expect(header.metadata.get('general.architecture')).toBe('llama');
    expect(header.metadata.get('llama.embedding_length')).toBe(64);
    const tokens = header.metadata.get('tokenizer.ggml.tokens');
    expect(tokens).toMatchObject({ itemType: 'string', length: tinyVocabulary().tokens.length });
    // 3 model tensors + 9 per block, 2 blocks.
    expect(header.tensors).toHaveLength(21);
    const embd = header.tensors.find((t) => t.name === 'token_embd.weight');
    expect(embd).toMatchObject({ typeName: 'F32', dims: [64, tinyVocabulary().tokens.length] });
    expect(embd?.byteSize).toBe(64 * tinyVocabulary().tokens.length * 4);
    const last = header.tensors.at(-1)!;
    expect(header.dataOffset + last.offset + last.byteSize!).toBeLessThanOrEqual(header.fileSize);
  });

  it('agrees with node-llama-cpp’s own GGUF reader', async () => {
    const [ours, theirs] = await Promise.all([
      readGgufHeader(tiny),
      readGgufFileInfo(tiny, { readTensorInfo: true, logWarnings: false }),
    ]);
    expect(ours.version).toBe(theirs.version);
    expect(ours.tensors.map((t) => [t.name, t.dims, t.type, t.offset])).toEqual(
      theirs.fullTensorInfo!.map((t) => [
        t.name,
        t.dimensions.map(Number),
        t.ggmlType,
        Number(t.offset),
      ]),
    );
    expect(ours.metadata.get('llama.block_count')).toBe(theirs.metadata.llama?.block_count);
    expect(ours.metadata.get('general.name')).toBe(theirs.metadata.general.name);
  });

  it('summarizes what the registry and the fit estimate need', async () => {
    const summary = summarizeModel(await readGgufHeader(tiny));
    const vocab = tinyVocabulary().tokens.length;
    expect(summary).toMatchObject({
      name: 'cairn-tiny-64x2',
      architecture: 'llama',
      quantization: 'F32',
      contextLength: 8192,
      blockCount: 2,
      embeddingLength: 64,
      headCount: 4,
      headCountKv: 2,
      vocabularySize: vocab,
      hasChatTemplate: false,
      ggufVersion: 3,
      tensorCount: 21,
    });
    // 2 blocks x 2 KV heads x (16 key + 16 value) x 2 bytes (F16)
    expect(summary.kvBytesPerToken).toBe(2 * 2 * 32 * 2);
    const perBlock = 64 + 64 * 64 + 2 * 64 * 32 + 64 * 64 + 64 + 3 * 64 * 128;
    expect(summary.parameterCount).toBe(2 * 64 * vocab + 64 + 2 * perBlock);
  });

  it('is deterministic: the same options give the same bytes', () => {
    expect(buildTinyGguf({ seed: 3 }).equals(buildTinyGguf({ seed: 3 }))).toBe(true);
    expect(buildTinyGguf({ seed: 3 }).equals(buildTinyGguf({ seed: 4 }))).toBe(false);
  });
});

describe('readGgufHeader on broken files', () => {
  it('says a file cut inside the header is truncated, and where', async () => {
    const file = write('cut-header.gguf', fs.readFileSync(tiny).subarray(0, 300));
    const error = await problemOf(file);
    expect(error.problem).toBe('truncated');
    expect(error.message).toContain(file);
    expect(error.message).toMatch(/truncated: it ends at byte 300, inside metadata entry/);
    expect(error.message).toMatch(/incomplete/);
  });

  it('says a file cut inside the tensor data is truncated, naming the tensor', async () => {
    const bytes = fs.readFileSync(tiny);
    const file = write('cut-data.gguf', bytes.subarray(0, bytes.length - 100));
    const error = await problemOf(file);
    expect(error.problem).toBe('truncated');
    expect(error.message).toMatch(/tensor 'blk\.1\.ffn_down\.weight' needs bytes up to \d+/);
  });

  it('refuses a binary file with the wrong magic', async () => {
    const file = write('random.gguf', Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0, 0]));
    const error = await problemOf(file);
    expect(error.problem).toBe('wrong_magic');
    expect(error.message).toContain('7f454c46');
  });

  it('recognises a text file named .gguf, a Git LFS pointer and an HTML error page', async () => {
    const text = await problemOf(write('notes.gguf', 'These are my notes about models.\n'));
    expect(text.problem).toBe('text_file');
    expect(text.message).toMatch(/is not a GGUF model: it is a text file/);
    const lfs = await problemOf(
      write(
        'pointer.gguf',
        'version https://git-lfs.github.com/spec/v1\noid sha256:abc\nsize 123\n',
      ),
    );
    expect(lfs.message).toMatch(/Git LFS pointer/);
    const html = await problemOf(
      write('page.gguf', '<!DOCTYPE html><html><body>404</body></html>'),
    );
    expect(html.message).toMatch(/HTML page/);
  });

  it('refuses empty files, missing files and folders', async () => {
    expect((await problemOf(write('empty.gguf', ''))).problem).toBe('empty');
    expect((await problemOf(path.join(dir, 'missing.gguf'))).problem).toBe('not_found');
    expect((await problemOf(dir)).problem).toBe('not_a_file');
  });

  it('refuses unsupported versions and says why', async () => {
    const v1 = await problemOf(write('v1.gguf', encodeGguf([ARCH], [], { version: 1 })));
    expect(v1.problem).toBe('unsupported_version');
    expect(v1.message).toMatch(/version 1.*old pre-release format/);
    const bigEndian = Buffer.from(encodeGguf([ARCH], []));
    bigEndian.writeUInt32BE(3, 4);
    const be = await problemOf(write('be.gguf', bigEndian));
    expect(be.message).toMatch(/big-endian/);
  });

  it('refuses impossible counts, missing architecture, duplicates and bad tensor infos', async () => {
    const huge = Buffer.from(encodeGguf([ARCH], []));
    huge.writeBigUInt64LE(10n ** 12n, 16); // metadata count
    expect((await problemOf(write('huge.gguf', huge))).message).toMatch(/corrupt/);

    const noArch = await problemOf(
      write('noarch.gguf', encodeGguf([['general.name', { type: 'string', value: 'x' }]], [])),
    );
    expect(noArch.problem).toBe('invalid_metadata');
    expect(noArch.message).toMatch(/general\.architecture/);

    const dupKey = await problemOf(write('dupkey.gguf', encodeGguf([ARCH, ARCH], [])));
    expect(dupKey.message).toMatch(/'general\.architecture' appears twice/);

    const dupTensor = await problemOf(
      write('duptensor.gguf', encodeGguf([ARCH], [tensor('a'), tensor('a')])),
    );
    expect(dupTensor.problem).toBe('invalid_tensor');

    const misaligned = await problemOf(
      write(
        'misaligned.gguf',
        encodeGguf([ARCH], [tensor('a'), tensor('b')], { tensorOffsets: [0, 8] }),
      ),
    );
    expect(misaligned.message).toMatch(
      /tensor 'b' starts at offset 8, not a multiple of the alignment 32/,
    );

    const badAlignment = await problemOf(
      write(
        'alignment.gguf',
        encodeGguf([ARCH, ['general.alignment', { type: 'uint32', value: 24 }]], []),
      ),
    );
    expect(badAlignment.message).toMatch(/not a power of two/);
  });
});
