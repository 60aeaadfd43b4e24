import { describe, expect, it } from 'vitest';
import {
  parseWorkflowFile,
  WorkflowFileError,
  type DefinitionContext,
  type WorkflowProblem,
} from '../../../workflows/engine/load-definition.ts';

const FILE = '.cairn/workflows/review.yaml';

const CONTEXT: DefinitionContext = {
  passes: new Map([
    ['lint', { kind: 'deterministic' }],
    ['analyze', { kind: 'deterministic' }],
    ['clarify', { kind: 'model' }],
  ]),
  prompts: new Set(['clarify']),
};

/** The problems a file is refused with (fails the test when it parses). */
function problemsOf(yaml: string): WorkflowProblem[] {
  try {
    parseWorkflowFile(FILE, yaml, CONTEXT);
  } catch (error) {
    expect(error).toBeInstanceOf(WorkflowFileError);
    return (error as WorkflowFileError).problems;
  }
  throw new Error('the file was accepted');
}

/** The message a user reads: `file:line:column: field: message` per problem. */
function messageOf(yaml: string): string {
  try {
    parseWorkflowFile(FILE, yaml, CONTEXT);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('the file was accepted');
}

const lines = (...ls: string[]) => ls.join('\n') + '\n';
const HEAD = ['id: review', 'title: Review', 'passes:'];

describe('parseWorkflowFile', () => {
  it('parses a valid file and applies the defaults', () => {
    const workflow = parseWorkflowFile(
      FILE,
      lines(
        ...HEAD,
        '  - id: lint',
        '    uses: lint',
        '    inputs:',
        "      - documents: '{item}/**/*.md'",
        '  - id: ask',
        '    uses: clarify',
        '    prompt: clarify',
        '    inputs:',
        '      - pass: lint',
        '    gate:',
        '      human: true',
      ),
      CONTEXT,
    );
    expect(workflow).toEqual({
      id: 'review',
      title: 'Review',
      description: '',
      items: [],
      passes: [
        {
          id: 'lint',
          uses: 'lint',
          inputs: [{ documents: '{item}/**/*.md', optional: false }],
          cache: 'off',
          escalate: 'never',
          escalate_to: 'hosted',
        },
        {
          id: 'ask',
          uses: 'clarify',
          prompt: 'clarify',
          inputs: [{ pass: 'lint' }],
          gate: { auto: [], human: true },
          cache: 'off',
          escalate: 'never',
          escalate_to: 'hosted',
        },
      ],
    });
  });

  it('refuses broken YAML with the file and line of the break', () => {
    const problems = problemsOf(
      lines(...HEAD, '  - id: lint', '    uses: lint', '   inputs: [', '  - id: b'),
    );
    expect(problems[0]).toMatchObject({ file: FILE, line: 6, column: 1 });
    expect(problems[0]?.message).toMatch(/^not valid YAML: /);
    expect(messageOf(lines(...HEAD, '  - id: lint', '    uses: lint', '   inputs: ['))).toMatch(
      new RegExp(`^${FILE.replaceAll('.', '\\.')}:6:1: not valid YAML`),
    );
  });

  it('refuses a duplicate key at the second occurrence, naming the field', () => {
    const problems = problemsOf(lines(...HEAD, '  - id: lint', '    uses: lint', '    uses: lint'));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: FILE, line: 6, column: 5, field: 'passes[0].uses' });
    expect(messageOf(lines(...HEAD, '  - id: lint', '    uses: lint', '    uses: lint'))).toBe(
      `${FILE}:6:5: passes[0].uses: not valid YAML: Map keys must be unique`,
    );
  });

  it('refuses an unknown field (a max_token typo) at its line', () => {
    const problems = problemsOf(
      lines(
        ...HEAD,
        '  - id: lint',
        '    uses: lint',
        '  - id: ask',
        '    uses: clarify',
        '    prompt: clarify',
        '    max_token: 512',
      ),
    );
    expect(problems).toEqual([
      {
        file: FILE,
        line: 9,
        column: 5,
        field: 'passes[1].max_token',
        message: "unknown field 'max_token'",
      },
    ]);
  });

  it('refuses a value of the wrong type at its line', () => {
    const problems = problemsOf(
      lines(...HEAD, '  - id: lint', '    uses: lint', '    max_tokens: lots'),
    );
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({
      file: FILE,
      line: 6,
      column: 5,
      field: 'passes[0].max_tokens',
    });
    expect(problems[0]?.message).toContain('expected number');
  });

  it('refuses an input of no known shape, listing the shapes', () => {
    const problems = problemsOf(
      lines(...HEAD, '  - id: lint', '    uses: lint', '    inputs:', '      - docs: specs/*.md'),
    );
    expect(problems[0]).toMatchObject({ line: 7, column: 9, field: 'passes[0].inputs[0]' });
    expect(problems[0]?.message).toContain('{pass: id}');
  });

  it('refuses an unknown `uses`, listing the passes there are', () => {
    expect(problemsOf(lines(...HEAD, '  - id: lint', '    uses: lnit'))).toEqual([
      {
        file: FILE,
        line: 5,
        column: 5,
        field: 'passes[0].uses',
        message: "no pass named 'lnit'; the passes are: analyze, clarify, lint",
      },
    ]);
  });

  it('refuses a model pass without a prompt, at the pass', () => {
    expect(
      problemsOf(
        lines(...HEAD, '  - id: lint', '    uses: lint', '  - id: ask', '    uses: clarify'),
      ),
    ).toEqual([
      {
        file: FILE,
        line: 6,
        column: 5,
        field: 'passes[1]',
        message: "'clarify' is a model pass and needs a prompt: template",
      },
    ]);
  });

  it('refuses an unknown prompt template', () => {
    expect(
      problemsOf(lines(...HEAD, '  - id: ask', '    uses: clarify', '    prompt: clarfy')),
    ).toEqual([
      {
        file: FILE,
        line: 6,
        column: 5,
        field: 'passes[0].prompt',
        message: "no prompt template 'clarfy' (looked in the built-in prompts and .cairn/prompts/)",
      },
    ]);
  });

  it('refuses an input that reads a pass the workflow does not have', () => {
    expect(
      problemsOf(
        lines(...HEAD, '  - id: lint', '    uses: lint', '    inputs:', '      - pass: analyse'),
      ),
    ).toEqual([
      {
        file: FILE,
        line: 7,
        column: 9,
        field: 'passes[0].inputs[0].pass',
        message: "reads pass 'analyse', which this workflow does not have",
      },
    ]);
  });

  it('refuses a pass that reads its own output as a cycle', () => {
    expect(
      problemsOf(
        lines(...HEAD, '  - id: lint', '    uses: lint', '    inputs:', '      - pass: lint'),
      ),
    ).toEqual([
      {
        file: FILE,
        line: 7,
        column: 9,
        field: 'passes[0].inputs[0].pass',
        message: "pass 'lint' reads its own output (a cycle)",
      },
    ]);
  });

  it('refuses a pass that reads a later pass as a cycle, saying what to move', () => {
    expect(
      problemsOf(
        lines(
          ...HEAD,
          '  - id: first',
          '    uses: lint',
          '    inputs:',
          '      - documents: specs/**/*.md',
          '      - pass: second',
          '  - id: second',
          '    uses: analyze',
          '    inputs:',
          '      - pass: first',
        ),
      ),
    ).toEqual([
      {
        file: FILE,
        line: 8,
        column: 9,
        field: 'passes[0].inputs[1].pass',
        message:
          "pass 'first' reads 'second', which runs after it (a cycle); move 'second' earlier",
      },
    ]);
  });

  it('refuses a pass ID used twice, at the second one', () => {
    expect(
      problemsOf(
        lines(...HEAD, '  - id: lint', '    uses: lint', '  - id: lint', '    uses: analyze'),
      ),
    ).toEqual([
      {
        file: FILE,
        line: 6,
        column: 5,
        field: 'passes[1].id',
        message: "pass ID 'lint' is used twice",
      },
    ]);
  });

  it('refuses an empty passes list', () => {
    expect(problemsOf(lines('id: review', 'title: Review', 'passes: []'))).toEqual([
      {
        file: FILE,
        line: 3,
        column: 1,
        field: 'passes',
        message: 'a workflow needs at least one pass',
      },
    ]);
  });

  it('reports every problem of a file, each at its own line', () => {
    const problems = problemsOf(
      lines(
        ...HEAD,
        '  - id: lint',
        '    uses: lnit',
        '  - id: ask',
        '    uses: clarify',
        '    inputs:',
        '      - pass: nowhere',
      ),
    );
    expect(problems.map((p) => `${p.line}:${p.column} ${p.field}`).sort()).toEqual([
      '5:5 passes[0].uses',
      '6:5 passes[1]',
      '9:9 passes[1].inputs[0].pass',
    ]);
  });

  it('counts lines the same with Windows line endings', () => {
    const problems = problemsOf(
      ['id: review', 'title: Review', 'passes:', '  - id: lint', '    uses: lnit', ''].join('\r\n'),
    );
    expect(problems[0]).toMatchObject({ line: 5, column: 5, field: 'passes[0].uses' });
  });
});
