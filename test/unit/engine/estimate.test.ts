import { describe, expect, it } from 'vitest';
import { WorkflowSchema } from '../../../workflows/engine/definition.ts';
import {
  budgetOverruns,
  DEFAULT_PASS_MAX_TOKENS,
  estimateRun,
  passReadingText,
} from '../../../workflows/engine/estimate.ts';
import { parseWorkspace } from '../../../workflows/specs/parse-workspace.ts';

const KINDS = new Map<string, 'deterministic' | 'model'>([
  ['lint', 'deterministic'],
  ['analyze', 'deterministic'],
  ['clarify', 'model'],
  ['review-summary', 'model'],
]);

const workflow = (budget?: Record<string, number>) =>
  WorkflowSchema.parse({
    id: 'review',
    title: 'Review',
    ...(budget ? { budget } : {}),
    passes: [
      { id: 'lint', uses: 'lint' },
      { id: 'analyze', uses: 'analyze', inputs: [{ pass: 'lint' }] },
      {
        id: 'ask',
        uses: 'clarify',
        prompt: 'clarify',
        max_tokens: 500,
        inputs: [{ pass: 'lint' }],
      },
      {
        id: 'summary',
        uses: 'review-summary',
        prompt: 'review-summary',
        inputs: [{ pass: 'ask' }, { pass: 'lint' }],
      },
    ],
  });

const SPEED = { promptTokensPerSecond: 100, outputTokensPerSecond: 10 };
const PRICE = { input: 0.000001, output: 0.000002, currency: 'USD' };
const FREE = { input: 0, output: 0, currency: 'USD' };

describe('estimateRun', () => {
  const estimate = (budget?: Record<string, number>, speed: typeof SPEED | null = SPEED) =>
    estimateRun({
      workflow: workflow(budget),
      kinds: KINDS,
      readingTokens: [5000, 5000, 1000, 200],
      speed,
      price: PRICE,
      basis: ['tokens counted with the model’s tokenizer'],
    });

  it('counts nothing for deterministic passes, whatever they read', () => {
    const { passes } = estimate();
    expect(passes.slice(0, 2)).toEqual([
      {
        passId: 'lint',
        kind: 'deterministic',
        inputTokens: 0,
        outputTokens: 0,
        seconds: 0,
        money: 0,
      },
      {
        passId: 'analyze',
        kind: 'deterministic',
        inputTokens: 0,
        outputTokens: 0,
        seconds: 0,
        money: 0,
      },
    ]);
  });

  it('counts what a model pass reads plus the most the passes it reads can write', () => {
    const { passes } = estimate();
    // ask: 1000 read + lint's output (deterministic: 0); at most its max_tokens out.
    expect(passes[2]).toMatchObject({ passId: 'ask', inputTokens: 1000, outputTokens: 500 });
    // summary: 200 read + ask's bound (500) + lint's (0); the default bound out.
    expect(passes[3]).toMatchObject({
      passId: 'summary',
      inputTokens: 700,
      outputTokens: DEFAULT_PASS_MAX_TOKENS,
    });
  });

  it('takes time from the measured speed and money from the price, per pass and in total', () => {
    const run = estimate();
    // ask: 1000/100 + 500/10 = 60 s; summary: 700/100 + 1024/10 = 109.4 s.
    expect(run.passes[2]?.seconds).toBeCloseTo(60, 9);
    expect(run.passes[3]?.seconds).toBeCloseTo(109.4, 9);
    // ask: 1000 × 1e-6 + 500 × 2e-6 = 0.002; summary: 700 × 1e-6 + 1024 × 2e-6 = 0.002748.
    expect(run.passes[2]?.money).toBeCloseTo(0.002, 12);
    expect(run.passes[3]?.money).toBeCloseTo(0.002748, 12);
    expect(run).toMatchObject({ inputTokens: 1700, outputTokens: 1524, currency: 'USD' });
    expect(run.seconds).toBeCloseTo(169.4, 9);
    expect(run.money).toBeCloseTo(0.004748, 12);
    expect(run.basis).toEqual(['tokens counted with the model’s tokenizer']);
  });

  it('says in the basis when no speed was measured, and estimates no time', () => {
    const run = estimate(undefined, null);
    expect(run.seconds).toBe(0);
    expect(run.basis).toEqual([
      'tokens counted with the model’s tokenizer',
      'no speed measured for this model on this machine: run `cairn models bench`',
    ]);
  });

  it('costs nothing for a local model', () => {
    const run = estimateRun({
      workflow: workflow(),
      kinds: KINDS,
      readingTokens: [0, 0, 1000, 200],
      speed: SPEED,
      price: FREE,
      basis: [],
    });
    expect(run.money).toBe(0);
    expect(run.inputTokens).toBe(1700);
  });
});

describe('budgetOverruns', () => {
  const run = (budget?: Record<string, number>) =>
    estimateRun({
      workflow: workflow(budget),
      kinds: KINDS,
      readingTokens: [0, 0, 1000, 200],
      speed: SPEED,
      price: PRICE,
      basis: [],
    });

  it('lists each budget line the estimate goes over, in words', () => {
    const budget = { tokens: 3000, seconds: 120, money: 0.004 };
    expect(budgetOverruns(workflow(budget), run(budget))).toEqual([
      'up to 3224 tokens against a budget of 3000',
      'about 169 s against a budget of 120 s',
      'up to 0.0047 USD against a budget of 0.004',
    ]);
  });

  it('lists nothing when the estimate fits, or when there is no budget', () => {
    const budget = { tokens: 3224, seconds: 170, money: 0.005 };
    expect(budgetOverruns(workflow(budget), run(budget))).toEqual([]);
    expect(budgetOverruns(workflow(), run())).toEqual([]);
  });
});

describe('passReadingText', () => {
  const files = {
    'specs/offline-review/requirements.md': '# Offline review requirements\n',
    'specs/offline-review/tasks.md': '# Offline review tasks\n',
    'specs/other/requirements.md': '# Other requirements\n',
  };
  const sources = {
    workspace: parseWorkspace({
      files: Object.entries(files).map(([path, text]) => ({ path, text })),
      paths: Object.keys(files),
    }),
    files: new Map(Object.entries(files)),
    item: {
      id: 'FEAT-7KQ2M1',
      kind: 'feature' as const,
      title: 'Offline review',
      folder: 'specs/offline-review',
    },
    prompts: new Map([['clarify', 'PROMPT TEXT']]),
    templates: { prd: 'PRD TEMPLATE' },
  };

  it('gathers the prompt, the item title, the item’s documents and templates', () => {
    const pass = WorkflowSchema.parse({
      id: 'w',
      title: 'W',
      passes: [
        {
          id: 'ask',
          uses: 'clarify',
          prompt: 'clarify',
          inputs: [{ documents: '{item}/requirements.md' }, { template: 'prd' }],
        },
      ],
    }).passes[0]!;
    expect(passReadingText(pass, sources)).toBe(
      ['PROMPT TEXT', 'Offline review', '# Offline review requirements\n', 'PRD TEMPLATE'].join(
        '\n',
      ),
    );
  });

  it('does not fail on documents that do not exist yet', () => {
    const pass = WorkflowSchema.parse({
      id: 'w',
      title: 'W',
      passes: [
        {
          id: 'ask',
          uses: 'clarify',
          prompt: 'clarify',
          inputs: [{ documents: '{item}/plan.md' }],
        },
      ],
    }).passes[0]!;
    expect(passReadingText(pass, sources)).toBe('PROMPT TEXT\nOffline review');
  });
});
