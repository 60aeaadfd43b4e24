// Reads and validates the header of a GGUF file: magic, version, metadata and tensor infos,
// and checks that every tensor's data lies inside the file. It reads only the header (a few
// MB at most), never the weights, and fails with a GgufFormatError that names the file, what
// is wrong and what to do.
import fs from 'node:fs/promises';
import {
  DEFAULT_ALIGNMENT,
  GGML_TYPES,
  GGUF_MAGIC,
  GGUF_VALUE_TYPE,
  GGUF_VALUE_TYPE_NAMES,
  MAX_TENSOR_DIMS,
  SUPPORTED_GGUF_VERSIONS,
  type GgufValueTypeName,
} from './gguf-format.ts';

export type GgufScalar = number | bigint | boolean | string;
/** An array value. Long arrays (the vocabulary) keep only their length. */
export interface GgufArray {
  itemType: GgufValueTypeName;
  length: number;
  /** The items, for arrays of at most MAX_KEPT_ARRAY_ITEMS; null for longer ones. */
  items: GgufScalar[] | null;
}
export type GgufValue = GgufScalar | GgufArray;

export interface GgufTensorInfo {
  name: string;
  dims: number[];
  type: number;
  /** ggml type name, or `type N` for a type this reader does not know. */
  typeName: string;
  /** Offset of the tensor's data from the start of the data section. */
  offset: number;
  /** Bytes of data; null when the type is unknown to this reader. */
  byteSize: number | null;
}

export interface GgufHeader {
  file: string;
  fileSize: number;
  version: number;
  metadata: Map<string, GgufValue>;
  tensors: GgufTensorInfo[];
  alignment: number;
  /** Where the tensor data starts in the file. */
  dataOffset: number;
}

export type GgufProblem =
  | 'not_found'
  | 'not_a_file'
  | 'empty'
  | 'wrong_magic'
  | 'text_file'
  | 'unsupported_version'
  | 'truncated'
  | 'invalid_metadata'
  | 'invalid_tensor';

export class GgufFormatError extends Error {
  override name = 'GgufFormatError';
  constructor(
    readonly file: string,
    readonly problem: GgufProblem,
    message: string,
  ) {
    super(message);
  }
}

const MAX_KEPT_ARRAY_ITEMS = 256;
// Sanity bounds: real models stay far below them; a corrupt count fails here, clearly, instead
// of allocating gigabytes.
const MAX_KV_COUNT = 65_536;
const MAX_TENSOR_COUNT = 1_000_000;
const MAX_STRING_BYTES = 64 * 1024 * 1024;
const MAX_ARRAY_LENGTH = 64 * 1024 * 1024;
const CHUNK_BYTES = 1024 * 1024;

/** A forward reader over a file that reads it in chunks, as far as the parser needs. */
class FileBytes {
  private buffer = Buffer.alloc(0);
  private bufferStart = 0;
  position = 0;
  /** What is being read, for the message when the file ends too soon. */
  where = 'the header';

  constructor(
    private readonly handle: fs.FileHandle,
    readonly size: number,
    private readonly file: string,
  ) {}

  private async need(bytes: number): Promise<Buffer> {
    if (this.position + bytes > this.size) {
      throw new GgufFormatError(
        this.file,
        'truncated',
        `${this.file} is truncated: it ends at byte ${this.size}, inside ${this.where}. ` +
          `The file is incomplete (an interrupted download or copy?); get it again.`,
      );
    }
    const end = this.bufferStart + this.buffer.length;
    if (this.position < this.bufferStart || this.position + bytes > end) {
      const length = Math.min(Math.max(bytes, CHUNK_BYTES), this.size - this.position);
      const buffer = Buffer.alloc(length);
      const { bytesRead } = await this.handle.read(buffer, 0, length, this.position);
      if (bytesRead < bytes) {
        throw new GgufFormatError(
          this.file,
          'truncated',
          `${this.file} changed while it was read (short read inside ${this.where}); try again.`,
        );
      }
      this.buffer = buffer.subarray(0, bytesRead);
      this.bufferStart = this.position;
    }
    const start = this.position - this.bufferStart;
    this.position += bytes;
    return this.buffer.subarray(start, start + bytes);
  }

  async bytes(n: number): Promise<Buffer> {
    return this.need(n);
  }
  async u8(): Promise<number> {
    return (await this.need(1)).readUInt8(0);
  }
  async i8(): Promise<number> {
    return (await this.need(1)).readInt8(0);
  }
  async u16(): Promise<number> {
    return (await this.need(2)).readUInt16LE(0);
  }
  async i16(): Promise<number> {
    return (await this.need(2)).readInt16LE(0);
  }
  async u32(): Promise<number> {
    return (await this.need(4)).readUInt32LE(0);
  }
  async i32(): Promise<number> {
    return (await this.need(4)).readInt32LE(0);
  }
  async f32(): Promise<number> {
    return (await this.need(4)).readFloatLE(0);
  }
  async f64(): Promise<number> {
    return (await this.need(8)).readDoubleLE(0);
  }
  async u64(): Promise<bigint> {
    return (await this.need(8)).readBigUInt64LE(0);
  }
  async i64(): Promise<bigint> {
    return (await this.need(8)).readBigInt64LE(0);
  }
}

function toNumberIfSafe(value: bigint): number | bigint {
  return value <= BigInt(Number.MAX_SAFE_INTEGER) && value >= BigInt(Number.MIN_SAFE_INTEGER)
    ? Number(value)
    : value;
}

function describeStart(bytes: Buffer): string {
  const text = bytes.toString('latin1');
  if (/^version https:\/\/git-lfs/.test(text))
    return 'a Git LFS pointer, not the model itself (fetch the real file with `git lfs pull` or download it again)';
  if (/^\s*<(!doctype|html)/i.test(text))
    return 'an HTML page (a download that returned an error or login page instead of the model)';
  if (/^\s*[{[]/.test(text)) return 'JSON text, not a model';
  return 'a text file, not a model';
}

function isMostlyText(bytes: Buffer): boolean {
  if (bytes.length === 0) return false;
  let printable = 0;
  for (const b of bytes) if (b === 9 || b === 10 || b === 13 || (b >= 32 && b < 127)) printable++;
  return printable / bytes.length > 0.95;
}

async function readString(r: FileBytes): Promise<string> {
  const length = await r.u64();
  if (length > BigInt(MAX_STRING_BYTES)) {
    throw new GgufFormatError(
      '',
      'invalid_metadata',
      `a string of ${length} bytes in ${r.where} is too long to be real`,
    );
  }
  return (await r.bytes(Number(length))).toString('utf8');
}

async function readScalar(r: FileBytes, type: number): Promise<GgufScalar> {
  switch (type) {
    case GGUF_VALUE_TYPE.uint8:
      return r.u8();
    case GGUF_VALUE_TYPE.int8:
      return r.i8();
    case GGUF_VALUE_TYPE.uint16:
      return r.u16();
    case GGUF_VALUE_TYPE.int16:
      return r.i16();
    case GGUF_VALUE_TYPE.uint32:
      return r.u32();
    case GGUF_VALUE_TYPE.int32:
      return r.i32();
    case GGUF_VALUE_TYPE.float32:
      return r.f32();
    case GGUF_VALUE_TYPE.float64:
      return r.f64();
    case GGUF_VALUE_TYPE.uint64:
      return toNumberIfSafe(await r.u64());
    case GGUF_VALUE_TYPE.int64:
      return toNumberIfSafe(await r.i64());
    case GGUF_VALUE_TYPE.bool: {
      const b = await r.u8();
      if (b > 1)
        throw new GgufFormatError('', 'invalid_metadata', `a bool of value ${b} in ${r.where}`);
      return b === 1;
    }
    case GGUF_VALUE_TYPE.string:
      return readString(r);
    default:
      throw new GgufFormatError('', 'invalid_metadata', `unknown value type ${type} in ${r.where}`);
  }
}

async function readValue(r: FileBytes, type: number): Promise<GgufValue> {
  if (type !== GGUF_VALUE_TYPE.array) return readScalar(r, type);
  const itemType = await r.u32();
  const itemTypeName = GGUF_VALUE_TYPE_NAMES.get(itemType);
  if (!itemTypeName || itemType === GGUF_VALUE_TYPE.array) {
    throw new GgufFormatError(
      '',
      'invalid_metadata',
      `an array of unsupported type ${itemType} in ${r.where}`,
    );
  }
  const length = await r.u64();
  if (length > BigInt(MAX_ARRAY_LENGTH)) {
    throw new GgufFormatError(
      '',
      'invalid_metadata',
      `an array of ${length} items in ${r.where} is too long to be real`,
    );
  }
  const count = Number(length);
  const keep = count <= MAX_KEPT_ARRAY_ITEMS;
  const items: GgufScalar[] = [];
  for (let i = 0; i < count; i++) {
    const item = await readScalar(r, itemType);
    if (keep) items.push(item);
  }
  return { itemType: itemTypeName, length: count, items: keep ? items : null };
}

function tensorByteSize(dims: number[], type: number): number | null {
  const traits = GGML_TYPES.get(type);
  if (!traits) return null;
  const elements = dims.reduce((a, b) => a * b, 1);
  return (elements / traits.blockSize) * traits.typeSize;
}

/** Reads and validates the header of the GGUF file at `file`. */
export async function readGgufHeader(file: string): Promise<GgufHeader> {
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(file, 'r');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new GgufFormatError(file, 'not_found', `${file} does not exist.`);
    if (code === 'EISDIR')
      throw new GgufFormatError(file, 'not_a_file', `${file} is a folder; choose a .gguf file.`);
    throw new GgufFormatError(
      file,
      'not_found',
      `Cannot open ${file}: ${(error as Error).message}`,
    );
  }
  try {
    const stat = await handle.stat();
    if (!stat.isFile())
      throw new GgufFormatError(
        file,
        'not_a_file',
        `${file} is not a regular file; choose a .gguf file.`,
      );
    if (stat.size === 0)
      throw new GgufFormatError(file, 'empty', `${file} is empty (0 bytes); it is not a model.`);
    return await parse(new FileBytes(handle, stat.size, file), file);
  } catch (error) {
    if (error instanceof GgufFormatError && error.file === '') {
      throw new GgufFormatError(
        file,
        error.problem,
        `${file} is not a valid GGUF model: ${error.message}.`,
      );
    }
    throw error;
  } finally {
    await handle.close();
  }
}

async function parse(r: FileBytes, file: string): Promise<GgufHeader> {
  const head = await r.bytes(Math.min(r.size, 4));
  if (r.size < 4 || head.toString('latin1') !== GGUF_MAGIC) throw await magicError(file);
  r.where = 'the version';
  const version = await r.u32();
  if (!(SUPPORTED_GGUF_VERSIONS as readonly number[]).includes(version)) {
    const swapped = Buffer.alloc(4);
    swapped.writeUInt32BE(version);
    const hint = (SUPPORTED_GGUF_VERSIONS as readonly number[]).includes(swapped.readUInt32LE(0))
      ? ' It looks like a big-endian GGUF, which Cairn does not load; use the little-endian file.'
      : version === 1
        ? ' Version 1 is the old pre-release format; convert the model again with a current llama.cpp.'
        : '';
    throw new GgufFormatError(
      file,
      'unsupported_version',
      `${file} is GGUF version ${version}; Cairn reads versions ${SUPPORTED_GGUF_VERSIONS.join(' and ')}.${hint}`,
    );
  }
  r.where = 'the tensor count';
  const tensorCount = await r.u64();
  r.where = 'the metadata count';
  const kvCount = await r.u64();
  if (tensorCount > BigInt(MAX_TENSOR_COUNT) || kvCount > BigInt(MAX_KV_COUNT)) {
    throw new GgufFormatError(
      file,
      'invalid_metadata',
      `${file} claims ${tensorCount} tensors and ${kvCount} metadata entries, which no real model has; the file is corrupt.`,
    );
  }

  const metadata = new Map<string, GgufValue>();
  for (let i = 0; i < Number(kvCount); i++) {
    r.where = `metadata entry ${i + 1} of ${kvCount}`;
    const key = await readString(r);
    r.where = `metadata entry ${i + 1} of ${kvCount} ('${key}')`;
    if (key.length === 0)
      throw new GgufFormatError('', 'invalid_metadata', `an empty key in ${r.where}`);
    if (metadata.has(key))
      throw new GgufFormatError('', 'invalid_metadata', `the key '${key}' appears twice`);
    const type = await r.u32();
    metadata.set(key, await readValue(r, type));
  }

  const alignmentValue = metadata.get('general.alignment') ?? DEFAULT_ALIGNMENT;
  if (
    typeof alignmentValue !== 'number' ||
    alignmentValue <= 0 ||
    (alignmentValue & (alignmentValue - 1)) !== 0
  ) {
    throw new GgufFormatError(
      '',
      'invalid_metadata',
      `general.alignment is ${String(alignmentValue)}, not a power of two`,
    );
  }
  const alignment = alignmentValue;
  const architecture = metadata.get('general.architecture');
  if (typeof architecture !== 'string' || architecture.length === 0) {
    throw new GgufFormatError(
      '',
      'invalid_metadata',
      'it has no general.architecture, which every model must name',
    );
  }

  const tensors: GgufTensorInfo[] = [];
  const names = new Set<string>();
  for (let i = 0; i < Number(tensorCount); i++) {
    r.where = `tensor info ${i + 1} of ${tensorCount}`;
    const name = await readString(r);
    r.where = `tensor info ${i + 1} of ${tensorCount} ('${name}')`;
    if (names.has(name))
      throw new GgufFormatError('', 'invalid_tensor', `the tensor '${name}' appears twice`);
    names.add(name);
    const nDims = await r.u32();
    if (nDims < 1 || nDims > MAX_TENSOR_DIMS) {
      throw new GgufFormatError(
        '',
        'invalid_tensor',
        `tensor '${name}' has ${nDims} dimensions (1 to ${MAX_TENSOR_DIMS} allowed)`,
      );
    }
    const dims: number[] = [];
    for (let d = 0; d < nDims; d++) {
      const dim = await r.u64();
      if (dim === 0n || dim > BigInt(Number.MAX_SAFE_INTEGER)) {
        throw new GgufFormatError(
          '',
          'invalid_tensor',
          `tensor '${name}' has a dimension of ${dim}`,
        );
      }
      dims.push(Number(dim));
    }
    const type = await r.u32();
    const offset = await r.u64();
    if (offset > BigInt(Number.MAX_SAFE_INTEGER) || Number(offset) % alignment !== 0) {
      throw new GgufFormatError(
        '',
        'invalid_tensor',
        `tensor '${name}' starts at offset ${offset}, not a multiple of the alignment ${alignment}`,
      );
    }
    const traits = GGML_TYPES.get(type);
    if (traits && (dims[0] ?? 0) % traits.blockSize !== 0) {
      throw new GgufFormatError(
        '',
        'invalid_tensor',
        `tensor '${name}' of type ${traits.name} has a first dimension of ${dims[0]}, not a multiple of its block size ${traits.blockSize}`,
      );
    }
    tensors.push({
      name,
      dims,
      type,
      typeName: traits?.name ?? `type ${type}`,
      offset: Number(offset),
      byteSize: tensorByteSize(dims, type),
    });
  }

  const dataOffset = Math.ceil(r.position / alignment) * alignment;
  for (const tensor of tensors) {
    if (tensor.byteSize === null) continue;
    const end = dataOffset + tensor.offset + tensor.byteSize;
    if (end > r.size) {
      throw new GgufFormatError(
        file,
        'truncated',
        `${file} is truncated: tensor '${tensor.name}' needs bytes up to ${end}, but the file has ${r.size}. ` +
          `The file is incomplete (an interrupted download or copy?); get it again.`,
      );
    }
  }
  return { file, fileSize: r.size, version, metadata, tensors, alignment, dataOffset };
}

async function magicError(file: string): Promise<GgufFormatError> {
  const sample = await readSample(file);
  if (isMostlyText(sample)) {
    return new GgufFormatError(
      file,
      'text_file',
      `${file} is not a GGUF model: it is ${describeStart(sample)}.`,
    );
  }
  return new GgufFormatError(
    file,
    'wrong_magic',
    `${file} is not a GGUF model: it starts with bytes ${sample.subarray(0, 4).toString('hex')} instead of '${GGUF_MAGIC}'. ` +
      `Cairn runs models in the GGUF format (files ending in .gguf from llama.cpp or Hugging Face).`,
  );
}

async function readSample(file: string): Promise<Buffer> {
  const handle = await fs.open(file, 'r');
  try {
    const buffer = Buffer.alloc(256);
    const { bytesRead } = await handle.read(buffer, 0, 256, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}
