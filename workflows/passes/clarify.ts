// `clarify`: at most five multiple-choice questions about what the spec leaves open, each with
// a recommended answer; the answers are recorded in the spec under `## Clarifications`.
import { z } from 'zod';
import type { PassContext, PassImplementation, PassResult, Question } from '../engine/pass.ts';
import { ambiguityDigest } from './support/ambiguity-digest.ts';
import { recordClarifications, type Clarification } from './support/clarifications.ts';
import { callModel } from './support/model-call.ts';
import { documentsInScope, textOf } from './support/scope.ts';

const KEYS = ['A', 'B', 'C', 'D', 'E'] as const;
export const MAX_QUESTIONS = 5;

export const ClarifySchema = z.object({
  questions: z
    .array(
      z.object({
        question: z.string().min(5).max(120),
        options: z.array(z.string().min(1).max(60)).min(2).max(5),
        recommended: z.enum(KEYS),
        reason: z.string().min(1).max(120),
      }),
    )
    .max(MAX_QUESTIONS),
});

interface ClarifyOutput {
  path: string;
  questions: Question[];
}

export const clarifyPass: PassImplementation = {
  name: 'clarify',
  kind: 'model',
  description:
    'Asks up to five multiple-choice questions, each with a recommended answer, and records the answers in the spec.',
  async run(context) {
    const path = targetPath(context);
    const text = textOf(context, path);
    if (text === null)
      throw new Error(`Pass "${context.pass.id}" (clarify): ${path} does not exist`);
    const { value } = await callModel(context, {
      schema: ClarifySchema,
      schemaName: 'clarify-questions',
      values: {
        title: context.item?.title ?? path,
        path,
        document: text,
        ambiguities: ambiguityDigest(context, path),
        today: context.run.today,
      },
      sources: [{ path, text }],
      maxTokens: 3584,
    });
    const questions = value.questions.map((q, i): Question => {
      const options = q.options.map((option, k) => ({
        key: KEYS[k] as string,
        text: option.trim(),
      }));
      // The grammar cannot tie the key to the number of options: fall back to the first.
      const recommended = options.some((o) => o.key === q.recommended) ? q.recommended : 'A';
      return {
        id: `Q${i + 1}`,
        question: q.question.trim(),
        options,
        recommended,
        reason: q.reason.trim(),
      };
    });
    const output: ClarifyOutput = { path, questions };
    return withAnswers(
      context,
      output,
      Object.fromEntries(questions.map((q) => [q.id, q.recommended])),
      text,
    );
  },
  answer(context, result, answers) {
    const output = result.output as ClarifyOutput;
    const text = textOf(context, output.path);
    if (text === null) throw new Error(`clarify: ${output.path} no longer exists`);
    // A question the user did not answer takes the recommended answer; an empty answer skips it.
    const chosen = Object.fromEntries(
      output.questions.map((q) => [q.id, answers[q.id] ?? q.recommended]),
    );
    return withAnswers(context, output, chosen, text);
  },
};

/** The spec the questions are about: the pass's output, else the first document in scope with requirements. */
function targetPath(context: PassContext): string {
  if (context.pass.output) return context.pass.output;
  const scope = documentsInScope(context);
  const document = scope.find((d) => d.requirements.length > 0) ?? scope[0];
  if (!document)
    throw new Error(`Pass "${context.pass.id}" (clarify) has no document to ask about`);
  return document.path;
}

function withAnswers(
  context: PassContext,
  output: ClarifyOutput,
  answers: Record<string, string>,
  before: string,
): PassResult {
  const clarifications: (Clarification & { id: string })[] = output.questions.flatMap((q) => {
    const answer = answerText(q, answers[q.id] ?? '');
    return answer === '' ? [] : [{ id: q.id, question: q.question, answer }];
  });
  const after = recordClarifications(before, context.run.today, clarifications);
  return {
    summary: `${output.questions.length} questions about ${output.path}; ${clarifications.length} answers recorded`,
    output: { ...output, answers: Object.fromEntries(clarifications.map((c) => [c.id, c.answer])) },
    metrics: { questions: output.questions.length, answered: clarifications.length },
    changes:
      after === before
        ? []
        : [
            {
              path: output.path,
              before,
              after,
              summary: `Record ${clarifications.length} clarifications (session ${context.run.today}) in ${output.path}`,
            },
          ],
    questions: output.questions,
  };
}

/** An option key stands for its text; anything else is a short free-text answer. */
function answerText(question: Question, answer: string): string {
  const trimmed = answer.trim();
  return question.options.find((o) => o.key === trimmed.toUpperCase())?.text ?? trimmed;
}
