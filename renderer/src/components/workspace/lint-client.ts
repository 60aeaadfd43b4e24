// The renderer's side of the live linter: lints in a worker (lint.worker.ts), or on the main
// thread where a worker cannot start (then the editor's debounce is all that keeps typing
// smooth).
import type { Finding } from '../../../../workflows/lint/finding.ts';
import type { LintContext } from '../../../../workflows/lint/lint-document.ts';
import type { SourceFile } from '../../../../workflows/specs/model.ts';

export type LintRequest =
  { type: 'context'; context: LintContext } | { type: 'lint'; id: number; file: SourceFile };

export type LintReply =
  { id: number; findings: Finding[]; elapsedMs: number } | { id: number; error: string };

export interface LintClient {
  setContext(context: LintContext): void;
  lint(file: SourceFile): Promise<{ findings: Finding[]; elapsedMs: number }>;
  dispose(): void;
}

export function createLintClient(): LintClient {
  let context: LintContext | null = null;
  let worker: Worker | null = null;
  let nextId = 1;
  const waiting = new Map<
    number,
    {
      resolve: (r: { findings: Finding[]; elapsedMs: number }) => void;
      reject: (e: Error) => void;
      file: SourceFile;
    }
  >();
  try {
    worker = new Worker(new URL('./lint.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = ({ data }: MessageEvent<LintReply>) => {
      const pending = waiting.get(data.id);
      waiting.delete(data.id);
      if (!pending) return;
      if ('error' in data) pending.reject(new Error(`The linter failed: ${data.error}`));
      else pending.resolve(data);
    };
    worker.onerror = (event) => {
      // The worker did not load (a host without module workers): lint here from now on.
      event.preventDefault();
      worker?.terminate();
      worker = null;
      for (const [id, pending] of waiting) {
        waiting.delete(id);
        void lintHere(pending.file).then(pending.resolve, pending.reject);
      }
    };
  } catch {
    worker = null;
  }

  const lintHere = async (file: SourceFile) => {
    const { lintDocument } = await import('../../../../workflows/lint/lint-document.ts');
    const started = performance.now();
    const { findings } = lintDocument(context ?? { paths: [], config: null, documents: [] }, file);
    return { findings, elapsedMs: performance.now() - started };
  };

  return {
    setContext(next) {
      context = next;
      worker?.postMessage({ type: 'context', context: next } satisfies LintRequest);
    },
    lint(file) {
      if (!worker) return lintHere(file);
      const id = nextId++;
      return new Promise((resolve, reject) => {
        waiting.set(id, { resolve, reject, file });
        worker?.postMessage({ type: 'lint', id, file } satisfies LintRequest);
      });
    },
    dispose() {
      worker?.terminate();
      worker = null;
      waiting.clear();
    },
  };
}
