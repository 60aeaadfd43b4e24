import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  loadPriceTable,
  PriceTableError,
  shippedPricesFile,
} from '../../../electron/services/records/price-table-file.ts';
import { costOf } from '../../../workflows/records/price-table.ts';
import { LOCAL_IDENTITY } from '../../support/envelopes.ts';
import { tempDir } from '../../support/temp-dir.ts';

const dir = tempDir('cairn-prices-');

function dataDirWith(name: string, text: string | null): string {
  const dataDir = path.join(dir, name);
  fs.mkdirSync(dataDir, { recursive: true });
  if (text !== null) fs.writeFileSync(path.join(dataDir, 'prices.yaml'), text);
  return dataDir;
}

describe('the price table file', () => {
  it('ships a valid, dated table with real cloud models', () => {
    const { table, source, file } = loadPriceTable(dataDirWith('none', null));
    expect(source).toBe('shipped');
    expect(file).toBe(shippedPricesFile());
    expect(table.currency).toBe('USD');
    expect(table.checked).toMatch(/^\d{4}-\d{2}-\d{2}/);
    expect(Object.keys(table.models)).toEqual(
      expect.arrayContaining(['openai/gpt-4.1', 'anthropic/claude-sonnet-4-5']),
    );
    const sonnet = {
      ...LOCAL_IDENTITY,
      tier: 'cloud' as const,
      provider: 'anthropic',
      name: 'claude-sonnet-4-5',
      sha256: null,
    };
    // 1M fresh input tokens and 1M output tokens.
    expect(
      costOf(
        sonnet,
        { input: 1e6, cachedInput: 0, cacheWrite: 0, output: 1e6, reasoning: 0 },
        table,
      ),
    ).toEqual({ currency: 'USD', amount: 18, priceTable: table.version });
  });

  it("uses the user's copy instead when there is one", () => {
    const dataDir = dataDirWith(
      'user',
      [
        "version: 'team-2026-12'",
        'currency: EUR',
        'models:',
        '  mistral/mistral-large: { input: 2, cached_read: 0.2, cache_write: 0, reasoning: 6, output: 6 }',
        '',
      ].join('\n'),
    );
    const loaded = loadPriceTable(dataDir);
    expect(loaded).toMatchObject({ source: 'user', file: path.join(dataDir, 'prices.yaml') });
    expect(loaded.table).toMatchObject({ version: 'team-2026-12', currency: 'EUR' });
    expect(Object.keys(loaded.table.models)).toEqual(['mistral/mistral-large']);
  });

  it('refuses a broken user file, naming the file, line and field of each problem', () => {
    const dataDir = dataDirWith(
      'broken',
      [
        "version: '1'",
        'currency: USD',
        'models:',
        '  openai/gpt-4.1:',
        '    input: 2',
        '    cached_read: -0.5',
        '    cache_write: 0',
        '    output: 8',
        '  gpt-4o: { input: 2.5, cached_read: 1.25, cache_write: 0, reasoning: 10, output: 10 }',
        '',
      ].join('\n'),
    );
    const file = path.join(dataDir, 'prices.yaml');
    const error = (() => {
      try {
        loadPriceTable(dataDir);
      } catch (e) {
        return e;
      }
    })() as Error;
    expect(error).toBeInstanceOf(PriceTableError);
    expect(error.message.split('\n')).toEqual([
      `${file}:6: models.openai/gpt-4.1.cached_read: Too small: expected number to be >=0`,
      `${file}:4: models.openai/gpt-4.1.reasoning: Invalid input: expected number, received undefined`,
      `${file}:9: models.gpt-4o: keys are provider/model, such as openai/gpt-4.1`,
    ]);
  });

  it('refuses a user file that is not YAML, with its line', () => {
    const dataDir = dataDirWith('not-yaml', "version: '1'\ncurrency: USD\nmodels:\n  a/b: [1, 2\n");
    expect(() => loadPriceTable(dataDir)).toThrow(
      new RegExp(
        `^${path.join(dataDir, 'prices.yaml').replace(/[.\\/]/g, '\\$&')}:\\d+: not valid YAML`,
      ),
    );
  });
});
