import { GgmlType, GgufFileType } from 'node-llama-cpp';
import { describe, expect, it } from 'vitest';
import { GGML_TYPES, GGUF_FILE_TYPES } from '../../../native-models/registry/gguf-format.ts';

describe('GGUF format tables', () => {
  it('name ggml tensor types as node-llama-cpp does', () => {
    for (const [id, traits] of GGML_TYPES) expect(GgmlType[id]).toBe(traits.name);
  });

  it('name file types as node-llama-cpp does (without its MOSTLY_ prefix)', () => {
    for (const [id, name] of GGUF_FILE_TYPES) {
      expect(GgufFileType[id]?.replace(/^(MOSTLY|ALL)_/, '')).toBe(name);
    }
  });
});
