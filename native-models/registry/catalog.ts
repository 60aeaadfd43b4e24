// Recommended instruction models, in GGUF, from Hugging Face. URLs point at a fixed revision
// where one is known, so that the SHA-256 stays true. A hash is given only where one is
// published: the SHA-256 of a file stored with Git LFS is its LFS object id, which Hugging Face
// shows on the file's page and in the `x-linked-etag` header; the values below were taken from
// public pins of these exact revisions (several independent projects agree on each). Where no
// hash was found, the first download pins the hash it computed, and later downloads must match.

export interface CatalogEntry {
  id: string;
  name: string;
  publisher: string;
  parameters: string;
  quantization: string;
  fileName: string;
  url: string;
  /** Size in bytes; exact when `sizeIsExact`, else the publisher's rounded figure. */
  sizeBytes: number;
  sizeIsExact: boolean;
  sha256: string | null;
  /** Where the hash comes from, or that there is none. */
  hashSource: string;
  license: string;
  /** Trained context length, tokens. */
  contextLength: number;
  /** What the KV-cache estimate needs: layers, KV heads, and the key/value width per head. */
  kv: { blockCount: number; headCountKv: number; headDim: number };
  notes: string;
}

const hf = (repo: string, revision: string, file: string) =>
  `https://huggingface.co/${repo}/resolve/${revision}/${file}`;

export const NO_PUBLISHED_HASH = 'no published hash; pinned on first download';

export const CATALOG: readonly CatalogEntry[] = [
  {
    id: 'qwen2.5-1.5b-instruct-q4_k_m',
    name: 'Qwen2.5 1.5B Instruct',
    publisher: 'Qwen',
    parameters: '1.5B',
    quantization: 'Q4_K_M',
    fileName: 'qwen2.5-1.5b-instruct-q4_k_m.gguf',
    url: hf(
      'Qwen/Qwen2.5-1.5B-Instruct-GGUF',
      '91cad51170dc346986eccefdc2dd33a9da36ead9',
      'qwen2.5-1.5b-instruct-q4_k_m.gguf',
    ),
    sizeBytes: 1_117_320_736,
    sizeIsExact: true,
    sha256: '6a1a2eb6d15622bf3c96857206351ba97e1af16c30d7a74ee38970e434e9407e',
    hashSource: 'Git LFS object id of Qwen/Qwen2.5-1.5B-Instruct-GGUF at revision 91cad511',
    license: 'Apache-2.0',
    contextLength: 32_768,
    kv: { blockCount: 28, headCountKv: 2, headDim: 128 },
    notes: 'Small and fast; a good first model for laptops without a GPU.',
  },
  {
    id: 'llama-3.2-3b-instruct-q4_k_m',
    name: 'Llama 3.2 3B Instruct',
    publisher: 'Meta (GGUF by Unsloth)',
    parameters: '3B',
    quantization: 'Q4_K_M',
    fileName: 'Llama-3.2-3B-Instruct-Q4_K_M.gguf',
    url: hf(
      'unsloth/Llama-3.2-3B-Instruct-GGUF',
      'e7d0997e49c9cb00d88b4c1a6a16aa894b0bbc31',
      'Llama-3.2-3B-Instruct-Q4_K_M.gguf',
    ),
    sizeBytes: 2_019_377_600,
    sizeIsExact: true,
    sha256: '6c99cc00ae910f6a532a80022cb4bc1939094527a089c29294b841c0bd87f74d',
    hashSource: 'Git LFS object id of unsloth/Llama-3.2-3B-Instruct-GGUF at revision e7d0997e',
    license: 'Llama 3.2 Community License',
    contextLength: 131_072,
    kv: { blockCount: 28, headCountKv: 8, headDim: 128 },
    notes: 'Follows instructions closely; the license asks for attribution.',
  },
  {
    id: 'phi-4-mini-instruct-q4_k_m',
    name: 'Phi-4 mini Instruct',
    publisher: 'Microsoft (GGUF by Unsloth)',
    parameters: '3.8B',
    quantization: 'Q4_K_M',
    fileName: 'Phi-4-mini-instruct-Q4_K_M.gguf',
    url: hf(
      'unsloth/Phi-4-mini-instruct-GGUF',
      '78eb92a46fc37e6b524df991ed9aca9bc6aa7b80',
      'Phi-4-mini-instruct-Q4_K_M.gguf',
    ),
    sizeBytes: 2_491_874_272,
    sizeIsExact: true,
    sha256: '88c00229914083cd112853aab84ed51b87bdf6b9ce42f532d8c85c7c63b1730a',
    hashSource: 'Git LFS object id of unsloth/Phi-4-mini-instruct-GGUF at revision 78eb92a4',
    license: 'MIT',
    contextLength: 131_072,
    kv: { blockCount: 32, headCountKv: 8, headDim: 128 },
    notes: 'Strong at reasoning for its size; permissive license.',
  },
  {
    id: 'qwen2.5-3b-instruct-q4_k_m',
    name: 'Qwen2.5 3B Instruct',
    publisher: 'Qwen',
    parameters: '3B',
    quantization: 'Q4_K_M',
    fileName: 'qwen2.5-3b-instruct-q4_k_m.gguf',
    url: hf(
      'Qwen/Qwen2.5-3B-Instruct-GGUF',
      '7dabda4d13d513e3e842b20f0d435c732f172cbe',
      'qwen2.5-3b-instruct-q4_k_m.gguf',
    ),
    sizeBytes: 2_104_932_768,
    sizeIsExact: true,
    sha256: '626b4a6678b86442240e33df819e00132d3ba7dddfe1cdc4fbb18e0a9615c62d',
    hashSource: 'Git LFS object id of Qwen/Qwen2.5-3B-Instruct-GGUF at revision 7dabda4d',
    license: 'Qwen Research License (non-commercial)',
    contextLength: 32_768,
    kv: { blockCount: 36, headCountKv: 2, headDim: 128 },
    notes: 'Better answers than 1.5B at half the speed; research and non-commercial use only.',
  },
  {
    id: 'llama-3.2-1b-instruct-q4_k_m',
    name: 'Llama 3.2 1B Instruct',
    publisher: 'Meta (GGUF by bartowski)',
    parameters: '1B',
    quantization: 'Q4_K_M',
    fileName: 'Llama-3.2-1B-Instruct-Q4_K_M.gguf',
    url: 'https://huggingface.co/bartowski/Llama-3.2-1B-Instruct-GGUF/resolve/main/Llama-3.2-1B-Instruct-Q4_K_M.gguf',
    sizeBytes: 810_000_000,
    sizeIsExact: false,
    sha256: null,
    hashSource: NO_PUBLISHED_HASH,
    license: 'Llama 3.2 Community License',
    contextLength: 131_072,
    kv: { blockCount: 16, headCountKv: 8, headDim: 64 },
    notes: 'The smallest option, for machines with little memory; weaker on long specs.',
  },
];

export function findCatalogEntry(id: string): CatalogEntry | undefined {
  return CATALOG.find((entry) => entry.id === id);
}
