// The tiny test model writes grammar-valid junk: its drafts, questions and EARS statements are
// empty or unusable, so tests of what a user does with a good answer script the answer. The
// real model still runs each scripted call (load, prompt, one token), so the record keeps its
// true identity and timings; the scripted JSON then streams in small pieces, stops when the
// call is cancelled, and becomes the call's output. Calls the script does not answer go to the
// model unchanged.
import type { ModelsService } from '../../electron/services/models/models-service.ts';
import type { GenerateParams } from '../../native-models/local/protocol.ts';

/** The answer for a call (any JSON value), or undefined to let the model answer. */
export type Script = (params: GenerateParams) => unknown;

export interface ScriptOptions {
  /** Characters per streamed piece (default 6). */
  chunkChars?: number;
  /** Pause between pieces, like a local model's pace (default 15 ms). */
  delayMs?: number;
}

/** What a schema asks for: its top-level property names (`questions`, `statement`). */
export function schemaKeys(params: GenerateParams): string[] {
  const properties = (params.jsonSchema as { properties?: object } | undefined)?.properties;
  return Object.keys(properties ?? {});
}

export function scriptAnswers(
  models: ModelsService,
  script: Script,
  options: ScriptOptions = {},
): () => void {
  const real = models.generate.bind(models);
  models.generate = async (id, params, opts = {}) => {
    const answer = script(params);
    if (answer === undefined) return real(id, params, opts);
    // Read at each call: a test may change the pace between steps.
    const chunkChars = options.chunkChars ?? 6;
    const delayMs = options.delayMs ?? 15;
    const probe = await real(
      id,
      { ...params, jsonSchema: undefined, maxTokens: 1 },
      {
        signal: opts.signal,
      },
    );
    const text = JSON.stringify(answer, null, 1);
    let sent = 0;
    while (sent < text.length && !opts.signal?.aborted) {
      opts.onChunk?.(text.slice(sent, sent + chunkChars));
      sent += chunkChars;
      await new Promise((resolve) => setTimeout(resolve, delayMs));
    }
    const cancelled = opts.signal?.aborted ?? false;
    return {
      ...probe,
      text: text.slice(0, sent),
      json: cancelled ? undefined : answer,
      jsonProblem: cancelled ? 'The generation was cancelled before the JSON was complete.' : null,
      stopReason: cancelled ? 'cancelled' : 'end',
      tokens: { ...probe.tokens, output: Math.ceil(Math.min(sent, text.length) / 4) },
    };
  };
  return () => {
    models.generate = real;
  };
}
