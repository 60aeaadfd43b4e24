import { describe, expect, it } from 'vitest';
import type { ModelIdentity } from '../../../workflows/records/envelope.ts';
import {
  costOf,
  PriceTableSchema,
  UnknownPriceError,
  type PriceTable,
} from '../../../workflows/records/price-table.ts';
import { LOCAL_IDENTITY } from '../../support/envelopes.ts';

const table: PriceTable = PriceTableSchema.parse({
  version: '2026-11-22',
  currency: 'USD',
  models: {
    'anthropic/claude-sonnet-4-5': {
      input: 3,
      cached_read: 0.3,
      cache_write: 3.75,
      reasoning: 15,
      output: 15,
    },
    'openai/gpt-4.1-2025-04-14': {
      input: 2,
      cached_read: 0.5,
      cache_write: 0,
      reasoning: 8,
      output: 8,
    },
    'vllm/qwen3-32b': { input: 0.1, cached_read: 0.1, cache_write: 0, reasoning: 0.2, output: 0.2 },
  },
});

const cloud = (
  provider: string,
  name: string,
  resolvedModel: string | null = null,
): ModelIdentity => ({
  ...LOCAL_IDENTITY,
  tier: 'cloud',
  provider,
  name,
  sha256: null,
  quantization: null,
  resolvedModel,
});

const tokens = {
  input: 10_000,
  cachedInput: 4_000,
  cacheWrite: 2_000,
  output: 1_000,
  reasoning: 400,
};

describe('costOf', () => {
  it('prices each token class once at its own rate', () => {
    // fresh 4,000 × 3 + cached 4,000 × 0.3 + written 2,000 × 3.75 + reasoning 400 × 15 + output 600 × 15
    expect(costOf(cloud('anthropic', 'claude-sonnet-4-5'), tokens, table)).toEqual({
      currency: 'USD',
      amount: 0.0357,
      priceTable: '2026-11-22',
    });
  });

  it('prices the model that answered, falling back to the one asked for', () => {
    const resolved = costOf(cloud('openai', 'gpt-4.1', 'gpt-4.1-2025-04-14'), tokens, table);
    expect(resolved.amount).toBeGreaterThan(0);
    expect(() => costOf(cloud('openai', 'gpt-4.1'), tokens, table)).toThrow(UnknownPriceError);
  });

  it('charges nothing for a local model, with or without a table', () => {
    expect(costOf(LOCAL_IDENTITY, tokens, table)).toEqual({
      currency: 'USD',
      amount: 0,
      priceTable: null,
    });
    expect(costOf(LOCAL_IDENTITY, tokens, null).amount).toBe(0);
  });

  it('charges a team server what the table says, nothing when unlisted; refuses an unlisted cloud model', () => {
    const hosted = { ...cloud('vllm', 'qwen3-32b'), tier: 'hosted' as const };
    expect(costOf(hosted, tokens, table).amount).toBeCloseTo(
      (8_000 * 0.1 + 2_000 * 0.1 + 1_000 * 0.2) / 1e6,
    );
    expect(costOf({ ...hosted, name: 'other' }, tokens, table)).toMatchObject({
      amount: 0,
      priceTable: null,
    });
    expect(() => costOf(cloud('openai', 'gpt-9'), tokens, table)).toThrow(
      /No price for openai\/gpt-9 in the price table \(version 2026-11-22\); add it to prices.yaml/,
    );
    expect(() => costOf(cloud('openai', 'gpt-9'), tokens, null)).toThrow(UnknownPriceError);
  });
});

describe('PriceTableSchema', () => {
  it('refuses keys that are not provider/model and prices that are negative or missing', () => {
    const paths = (models: unknown) => {
      const parsed = PriceTableSchema.safeParse({ version: '1', currency: 'usd', models });
      return parsed.error?.issues.map((i) => i.path.join('.'));
    };
    const price = { input: 1, cached_read: 0, cache_write: 0, reasoning: 1, output: 1 };
    expect(paths({ 'gpt-4.1': price })).toEqual(['currency', 'models.gpt-4.1']);
    expect(paths('none')).toEqual(['currency', 'models']);
    expect(paths({ 'openai/gpt-4.1': { ...price, input: -1, reasoning: undefined } })).toEqual([
      'currency',
      'models.openai/gpt-4.1.input',
      'models.openai/gpt-4.1.reasoning',
    ]);
  });
});
