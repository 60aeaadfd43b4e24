// Writes a tiny but valid GGUF v3 llama model from scratch, for tests and benches that run the
// real node-llama-cpp path without downloading anything. The weights are seeded random numbers,
// so the model writes junk text, but it loads in milliseconds, tokenizes, streams, and decodes
// grammar-valid JSON. The same options always give the same bytes (and so the same SHA-256).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface TinyModelOptions {
  /** Width of the model (`llama.embedding_length`). Default 64. */
  embeddingLength?: number;
  /** Number of transformer blocks. Default 2. */
  blockCount?: number;
  headCount?: number;
  headCountKv?: number;
  feedForwardLength?: number;
  /** Trained context length written to the metadata. Default 8192. */
  contextLength?: number;
  /** Seed of the weights. Default 1. */
  seed?: number;
  /** Model name written to `general.name`. */
  name?: string;
}

const GGUF_VERSION = 3;
const ALIGNMENT = 32;

/** GGUF metadata value types (ggml's gguf.h). */
const T = {
  uint32: 4,
  int32: 5,
  float32: 6,
  bool: 7,
  string: 8,
  array: 9,
} as const;

/** ggml tensor type F32. */
const GGML_F32 = 0;

/** SentencePiece's space marker. */
const SP = '\u2581';

/** Words added to the byte vocabulary so that the model has a few multi-byte tokens. */
const WORDS = [
  // The space marker alone, so that spaces survive a tokenize/detokenize round trip.
  SP,
  `${SP}the`,
  `${SP}spec`,
  `${SP}shall`,
  `${SP}requirement`,
  `${SP}system`,
  `${SP}when`,
  `${SP}user`,
  `${SP}test`,
  'ing',
  'ed',
  '":',
  '", "',
  '{"',
  '"}',
];

export type GgufTestValue =
  | { type: 'uint32' | 'int32' | 'float32'; value: number }
  | { type: 'bool'; value: boolean }
  | { type: 'string'; value: string }
  | { type: 'array-string'; value: string[] }
  | { type: 'array-float32'; value: number[] }
  | { type: 'array-int32'; value: number[] };

export interface GgufTestTensor {
  name: string;
  /** ggml order: the first dimension is the innermost (contiguous) one. */
  dims: number[];
  data: Float32Array;
}

/** mulberry32: a small, fast, seedable PRNG. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Writer {
  private readonly chunks: Buffer[] = [];
  length = 0;

  push(buffer: Buffer): void {
    this.chunks.push(buffer);
    this.length += buffer.length;
  }
  u32(value: number): void {
    const b = Buffer.alloc(4);
    b.writeUInt32LE(value);
    this.push(b);
  }
  i32(value: number): void {
    const b = Buffer.alloc(4);
    b.writeInt32LE(value);
    this.push(b);
  }
  u64(value: number): void {
    const b = Buffer.alloc(8);
    b.writeBigUInt64LE(BigInt(value));
    this.push(b);
  }
  f32(value: number): void {
    const b = Buffer.alloc(4);
    b.writeFloatLE(value);
    this.push(b);
  }
  str(value: string): void {
    const bytes = Buffer.from(value, 'utf8');
    this.u64(bytes.length);
    this.push(bytes);
  }
  pad(alignment: number): void {
    const rest = this.length % alignment;
    if (rest !== 0) this.push(Buffer.alloc(alignment - rest));
  }
  value(v: GgufTestValue): void {
    switch (v.type) {
      case 'uint32':
        this.u32(T.uint32);
        this.u32(v.value);
        return;
      case 'int32':
        this.u32(T.int32);
        this.i32(v.value);
        return;
      case 'float32':
        this.u32(T.float32);
        this.f32(v.value);
        return;
      case 'bool':
        this.u32(T.bool);
        this.push(Buffer.from([v.value ? 1 : 0]));
        return;
      case 'string':
        this.u32(T.string);
        this.str(v.value);
        return;
      case 'array-string':
        this.u32(T.array);
        this.u32(T.string);
        this.u64(v.value.length);
        for (const s of v.value) this.str(s);
        return;
      case 'array-float32':
        this.u32(T.array);
        this.u32(T.float32);
        this.u64(v.value.length);
        for (const f of v.value) this.f32(f);
        return;
      case 'array-int32':
        this.u32(T.array);
        this.u32(T.int32);
        this.u64(v.value.length);
        for (const i of v.value) this.i32(i);
        return;
    }
  }
  toBuffer(): Buffer {
    return Buffer.concat(this.chunks);
  }
}

/** The vocabulary: `<unk>`, `<s>`, `</s>`, the 256 byte tokens, then a few words. */
export function tinyVocabulary(): { tokens: string[]; types: number[]; scores: number[] } {
  const tokens = ['<unk>', '<s>', '</s>'];
  const types = [2, 3, 3]; // unknown, control, control
  const scores = [0, 0, 0];
  for (let byte = 0; byte < 256; byte++) {
    tokens.push(`<0x${byte.toString(16).toUpperCase().padStart(2, '0')}>`);
    types.push(6); // byte
    scores.push(0);
  }
  // SentencePiece merges pairs of pieces that are in the vocabulary, so a word is reachable only
  // through its prefixes: "▁t", "▁th", then "▁the".
  const pieces = new Set<string>();
  for (const word of WORDS) {
    const chars = [...word];
    for (let n = Math.min(2, chars.length); n <= chars.length; n++)
      pieces.add(chars.slice(0, n).join(''));
  }
  [...pieces].forEach((piece, i) => {
    tokens.push(piece);
    types.push(1); // normal
    scores.push(-1 - i);
  });
  return { tokens, types, scores };
}

function randomTensor(
  name: string,
  dims: number[],
  random: () => number,
  scale: number,
): GgufTestTensor {
  const count = dims.reduce((a, b) => a * b, 1);
  const data = new Float32Array(count);
  for (let i = 0; i < count; i++) data[i] = (random() * 2 - 1) * scale;
  return { name, dims, data };
}

function onesTensor(name: string, length: number): GgufTestTensor {
  return { name, dims: [length], data: new Float32Array(length).fill(1) };
}

/** Builds the bytes of a tiny llama GGUF model. Deterministic for the same options. */
export function buildTinyGguf(options: TinyModelOptions = {}): Buffer {
  const nEmbd = options.embeddingLength ?? 64;
  const nBlock = options.blockCount ?? 2;
  const nHead = options.headCount ?? 4;
  const nHeadKv = options.headCountKv ?? 2;
  const nFf = options.feedForwardLength ?? 2 * nEmbd;
  const nCtx = options.contextLength ?? 8192;
  const headDim = nEmbd / nHead;
  if (!Number.isInteger(headDim)) throw new Error('embeddingLength must divide by headCount');
  const nEmbdKv = headDim * nHeadKv;
  const vocab = tinyVocabulary();
  const nVocab = vocab.tokens.length;
  const random = prng(options.seed ?? 1);
  const inner = (fanIn: number) => Math.sqrt(3 / fanIn);

  const tensors: GgufTestTensor[] = [
    randomTensor('token_embd.weight', [nEmbd, nVocab], random, 1),
    onesTensor('output_norm.weight', nEmbd),
    randomTensor('output.weight', [nEmbd, nVocab], random, 0.5),
  ];
  for (let b = 0; b < nBlock; b++) {
    const p = `blk.${b}.`;
    tensors.push(
      onesTensor(`${p}attn_norm.weight`, nEmbd),
      randomTensor(`${p}attn_q.weight`, [nEmbd, nEmbd], random, inner(nEmbd)),
      randomTensor(`${p}attn_k.weight`, [nEmbd, nEmbdKv], random, inner(nEmbd)),
      randomTensor(`${p}attn_v.weight`, [nEmbd, nEmbdKv], random, inner(nEmbd)),
      randomTensor(`${p}attn_output.weight`, [nEmbd, nEmbd], random, inner(nEmbd)),
      onesTensor(`${p}ffn_norm.weight`, nEmbd),
      randomTensor(`${p}ffn_gate.weight`, [nEmbd, nFf], random, inner(nEmbd)),
      randomTensor(`${p}ffn_up.weight`, [nEmbd, nFf], random, inner(nEmbd)),
      randomTensor(`${p}ffn_down.weight`, [nFf, nEmbd], random, inner(nFf)),
    );
  }

  const metadata: [string, GgufTestValue][] = [
    ['general.architecture', { type: 'string', value: 'llama' }],
    ['general.name', { type: 'string', value: options.name ?? `cairn-tiny-${nEmbd}x${nBlock}` }],
    ['general.alignment', { type: 'uint32', value: ALIGNMENT }],
    ['general.file_type', { type: 'uint32', value: 0 }], // ALL_F32
    ['llama.context_length', { type: 'uint32', value: nCtx }],
    ['llama.embedding_length', { type: 'uint32', value: nEmbd }],
    ['llama.block_count', { type: 'uint32', value: nBlock }],
    ['llama.feed_forward_length', { type: 'uint32', value: nFf }],
    ['llama.attention.head_count', { type: 'uint32', value: nHead }],
    ['llama.attention.head_count_kv', { type: 'uint32', value: nHeadKv }],
    ['llama.attention.layer_norm_rms_epsilon', { type: 'float32', value: 1e-5 }],
    ['llama.rope.dimension_count', { type: 'uint32', value: headDim }],
    ['llama.vocab_size', { type: 'uint32', value: nVocab }],
    ['tokenizer.ggml.model', { type: 'string', value: 'llama' }],
    ['tokenizer.ggml.tokens', { type: 'array-string', value: vocab.tokens }],
    ['tokenizer.ggml.scores', { type: 'array-float32', value: vocab.scores }],
    ['tokenizer.ggml.token_type', { type: 'array-int32', value: vocab.types }],
    ['tokenizer.ggml.unknown_token_id', { type: 'uint32', value: 0 }],
    ['tokenizer.ggml.bos_token_id', { type: 'uint32', value: 1 }],
    ['tokenizer.ggml.eos_token_id', { type: 'uint32', value: 2 }],
    ['tokenizer.ggml.add_bos_token', { type: 'bool', value: true }],
    ['tokenizer.ggml.add_eos_token', { type: 'bool', value: false }],
    // No implicit leading space: text survives a tokenize/detokenize round trip unchanged.
    ['tokenizer.ggml.add_space_prefix', { type: 'bool', value: false }],
  ];

  return encodeGguf(metadata, tensors);
}

export interface EncodeOptions {
  version?: number;
  /** Tensor data offsets to write instead of the right ones (to make broken files). */
  tensorOffsets?: number[];
}

/** Encodes metadata and F32 tensors as GGUF bytes (little-endian, 32-byte alignment). */
export function encodeGguf(
  metadata: [string, GgufTestValue][],
  tensors: GgufTestTensor[],
  options: EncodeOptions = {},
): Buffer {
  const w = new Writer();
  w.push(Buffer.from('GGUF', 'ascii'));
  w.u32(options.version ?? GGUF_VERSION);
  w.u64(tensors.length);
  w.u64(metadata.length);
  for (const [key, value] of metadata) {
    w.str(key);
    w.value(value);
  }
  let offset = 0;
  tensors.forEach((tensor, i) => {
    w.str(tensor.name);
    w.u32(tensor.dims.length);
    for (const d of tensor.dims) w.u64(d);
    w.u32(GGML_F32);
    w.u64(options.tensorOffsets?.[i] ?? offset);
    offset += Math.ceil((tensor.data.length * 4) / ALIGNMENT) * ALIGNMENT;
  });
  w.pad(ALIGNMENT);
  for (const tensor of tensors) {
    w.push(Buffer.from(tensor.data.buffer, tensor.data.byteOffset, tensor.data.byteLength));
    w.pad(ALIGNMENT);
  }
  return w.toBuffer();
}

/** Writes a tiny model into `dir` (default: a new temporary folder) and returns its path. */
export function writeTinyGguf(options: TinyModelOptions = {}, dir?: string): string {
  const folder = dir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'cairn-tiny-gguf-'));
  const name =
    options.name ?? `cairn-tiny-${options.embeddingLength ?? 64}x${options.blockCount ?? 2}`;
  const file = path.join(folder, `${name}.gguf`);
  fs.writeFileSync(file, buildTinyGguf(options));
  return file;
}
