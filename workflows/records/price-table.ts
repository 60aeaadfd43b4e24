// The price table (resources/prices.yaml, overridden by <dataDir>/prices.yaml) and the money a
// call costs. Token classes follow the envelope: `input` counts every prompt token, of which
// `cachedInput` were read from a cache and `cacheWrite` written to one; `output` counts every
// generated token, of which `reasoning` were reasoning. Each part is priced once, at its own rate.
import { z } from 'zod';
import type { Cost, ModelIdentity, TokenCounts } from './envelope.ts';

const PerMillion = z.number().nonnegative();

export const ModelPriceSchema = z.strictObject({
  input: PerMillion,
  cached_read: PerMillion,
  cache_write: PerMillion,
  reasoning: PerMillion,
  output: PerMillion,
});
export type ModelPrice = z.infer<typeof ModelPriceSchema>;

export const PriceTableSchema = z.strictObject({
  /** Names the table in every cost it computes (`2026-11-22`): costs stay explainable. */
  version: z.string().min(1),
  currency: z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as USD'),
  /** When the prices were last compared with the providers' pages, and where. */
  checked: z.string().optional(),
  sources: z.array(z.string()).optional(),
  /** Prices per million tokens, keyed `provider/model` (`openai/gpt-4.1`). */
  models: z.record(z.string(), ModelPriceSchema).superRefine(
    (models, ctx) => {
      if (typeof models !== 'object' || models === null) return;
      for (const key of Object.keys(models)) {
        if (!/^[^/\s]+\/\S+$/.test(key)) {
          ctx.addIssue({
            code: 'custom',
            path: [key],
            message: 'keys are provider/model, such as openai/gpt-4.1',
          });
        }
      }
    },
    // Also when a price is wrong, so one run reports every problem of the file.
    { when: () => true },
  ),
});
export type PriceTable = z.infer<typeof PriceTableSchema>;

export class UnknownPriceError extends Error {
  override name = 'UnknownPriceError';
}

/** The price of the model that answered (its resolved name first), or null when none is listed. */
export function priceFor(identity: ModelIdentity, table: PriceTable): ModelPrice | null {
  const names = [identity.resolvedModel, identity.name].filter((n): n is string => !!n);
  for (const name of names) {
    const price = table.models[`${identity.provider}/${name}`];
    if (price) return price;
  }
  return null;
}

export function zeroCost(table: PriceTable | null): Cost {
  return { currency: table?.currency ?? 'USD', amount: 0, priceTable: null };
}

/**
 * What a call cost. Local models are free, always; a hosted (team) server costs what the
 * table lists for it, or nothing; a cloud model must be listed, since an unknown price would
 * silently pass every budget.
 */
export function costOf(
  identity: ModelIdentity,
  tokens: TokenCounts,
  table: PriceTable | null,
): Cost {
  if (identity.tier === 'local') return zeroCost(table);
  const price = table ? priceFor(identity, table) : null;
  if (!table || !price) {
    if (identity.tier === 'hosted') return zeroCost(table);
    throw new UnknownPriceError(
      `No price for ${identity.provider}/${identity.resolvedModel ?? identity.name} in the price table` +
        `${table ? ` (version ${table.version})` : ''}; add it to prices.yaml in the Cairn data folder.`,
    );
  }
  const freshInput = Math.max(0, tokens.input - tokens.cachedInput - tokens.cacheWrite);
  const plainOutput = Math.max(0, tokens.output - tokens.reasoning);
  const perMillion =
    freshInput * price.input +
    tokens.cachedInput * price.cached_read +
    tokens.cacheWrite * price.cache_write +
    tokens.reasoning * price.reasoning +
    plainOutput * price.output;
  // Rounded to a billionth: sums of float products otherwise show noise like 0.30000000000000004.
  const amount = Math.round((perMillion / 1_000_000) * 1e9) / 1e9;
  return { currency: table.currency, amount, priceTable: table.version };
}
