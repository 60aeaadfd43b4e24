// Runs the linter off the main thread, so typing never waits for it: the context of the
// workspace arrives once, then each request lints one document's current text.
import { lintDocument, type LintContext } from '../../../../workflows/lint/lint-document.ts';
import type { LintReply, LintRequest } from './lint-client.ts';

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<LintRequest>) => void) | null;
  postMessage(message: LintReply): void;
};

let context: LintContext | null = null;

scope.onmessage = ({ data }) => {
  if (data.type === 'context') {
    context = data.context;
    return;
  }
  const started = performance.now();
  try {
    const { findings } = lintDocument(
      context ?? { paths: [], config: null, documents: [] },
      data.file,
    );
    scope.postMessage({ id: data.id, findings, elapsedMs: performance.now() - started });
  } catch (error) {
    scope.postMessage({ id: data.id, error: (error as Error).message });
  }
};
