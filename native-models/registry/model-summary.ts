// What Cairn shows and remembers about a model, derived from its GGUF header: architecture,
// quantization, size of the network, and the numbers the fit estimate needs.
import path from 'node:path';
import { z } from 'zod';
import { GGML_TYPES, GGUF_FILE_TYPES } from './gguf-format.ts';
import type { GgufHeader, GgufValue } from './gguf-header.ts';

export const ModelSummarySchema = z.object({
  name: z.string(),
  architecture: z.string(),
  /** Quantization name (Q4_K_M, F16, …), from general.file_type or the dominant tensor type. */
  quantization: z.string(),
  parameterCount: z.number().nonnegative(),
  /** Trained context length, when the file says. */
  contextLength: z.number().int().positive().nullable(),
  blockCount: z.number().int().positive().nullable(),
  embeddingLength: z.number().int().positive().nullable(),
  headCount: z.number().int().positive().nullable(),
  headCountKv: z.number().int().positive().nullable(),
  /** Bytes of KV cache per token of context at F16 (what llama.cpp uses by default). */
  kvBytesPerToken: z.number().nonnegative().nullable(),
  vocabularySize: z.number().int().nonnegative().nullable(),
  hasChatTemplate: z.boolean(),
  ggufVersion: z.number().int(),
  tensorCount: z.number().int().nonnegative(),
});
export type ModelSummary = z.infer<typeof ModelSummarySchema>;

function numberAt(metadata: Map<string, GgufValue>, key: string): number | null {
  const value = metadata.get(key);
  if (typeof value === 'number') return value;
  // Some models give per-layer head counts as an array; the fit estimate takes the largest.
  if (typeof value === 'object' && value.items) {
    const numbers = value.items.filter((v): v is number => typeof v === 'number');
    return numbers.length > 0 ? Math.max(...numbers) : null;
  }
  return null;
}

function dominantTensorType(header: GgufHeader): string {
  const bytesByType = new Map<string, number>();
  for (const tensor of header.tensors) {
    bytesByType.set(
      tensor.typeName,
      (bytesByType.get(tensor.typeName) ?? 0) + (tensor.byteSize ?? 0),
    );
  }
  let best = 'unknown';
  let bestBytes = -1;
  for (const [type, bytes] of bytesByType) {
    if (bytes > bestBytes) [best, bestBytes] = [type, bytes];
  }
  return best;
}

export function summarizeModel(header: GgufHeader): ModelSummary {
  const m = header.metadata;
  const architecture = m.get('general.architecture') as string;
  const arch = (key: string) => numberAt(m, `${architecture}.${key}`);
  const fileType = numberAt(m, 'general.file_type');
  const name = m.get('general.name');
  const blockCount = arch('block_count');
  const embeddingLength = arch('embedding_length');
  const headCount = arch('attention.head_count');
  const headCountKv = arch('attention.head_count_kv') ?? headCount;
  const keyLength =
    arch('attention.key_length') ??
    (embeddingLength && headCount ? embeddingLength / headCount : null);
  const valueLength = arch('attention.value_length') ?? keyLength;
  const f16 = GGML_TYPES.get(1)?.typeSize ?? 2;
  const kvBytesPerToken =
    blockCount && headCountKv && keyLength && valueLength
      ? blockCount * headCountKv * (keyLength + valueLength) * f16
      : null;
  const tokens = m.get('tokenizer.ggml.tokens');
  return {
    name:
      typeof name === 'string' && name.trim() !== ''
        ? name
        : path.basename(header.file).replace(/\.gguf$/i, ''),
    architecture,
    quantization:
      fileType !== null && GGUF_FILE_TYPES.has(fileType)
        ? (GGUF_FILE_TYPES.get(fileType) as string)
        : dominantTensorType(header),
    parameterCount: header.tensors.reduce((sum, t) => sum + t.dims.reduce((a, b) => a * b, 1), 0),
    contextLength: arch('context_length'),
    blockCount,
    embeddingLength,
    headCount,
    headCountKv,
    kvBytesPerToken,
    vocabularySize: typeof tokens === 'object' ? tokens.length : null,
    hasChatTemplate: typeof m.get('tokenizer.chat_template') === 'string',
    ggufVersion: header.version,
    tensorCount: header.tensors.length,
  };
}
