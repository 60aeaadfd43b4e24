// How the workflow commands print a run: its estimate, live pass progress, and where it
// stopped (questions at a gate, proposed changes, the command that continues it).
import type { RunEvent } from '../../workflows/engine/engine.ts';
import type {
  PassRecord,
  ProposedChange,
  RunEstimate,
  RunState,
} from '../../workflows/engine/run-state.ts';
import type { CliIo } from './command.ts';
import { EXIT, type ExitCode } from './exit-codes.ts';

export function estimateLines(workflowId: string, estimate: RunEstimate): string[] {
  const model = estimate.passes.filter((p) => p.kind === 'model').length;
  return [
    `Estimate for ${workflowId}: ${estimate.passes.length} passes (${model} on the model), ` +
      `~${estimate.inputTokens.toLocaleString('en-US')} input tokens, ` +
      `at most ${estimate.outputTokens.toLocaleString('en-US')} output tokens, ` +
      `${estimate.seconds > 0 ? `~${formatSeconds(estimate.seconds)}` : 'time unknown'}, ` +
      `${estimate.money.toFixed(2)} ${estimate.currency}`,
    ...estimate.basis.map((b) => `  (${b})`),
  ];
}

function formatSeconds(seconds: number): string {
  if (seconds < 90) return `${seconds.toFixed(seconds < 10 ? 1 : 0)} s`;
  return `${Math.round(seconds / 60)} min`;
}

/** Prints engine events as they come: one line per pass. */
export function progressPrinter(run: () => RunState | null, io: CliIo): (e: RunEvent) => void {
  const started = new Map<number, number>();
  return (event) => {
    const total = run()?.definition.passes.length ?? 0;
    if (event.type === 'pass-started') {
      started.set(event.passIndex, Date.now());
      io.err(`[${event.passIndex + 1}/${total}] ${event.title} …`);
    } else if (event.type === 'pass-finished') {
      const ms = Date.now() - (started.get(event.passIndex) ?? Date.now());
      io.err(
        `[${event.passIndex + 1}/${total}] ${event.passId}: ${event.summary} (${(ms / 1000).toFixed(1)} s)`,
      );
      for (const c of event.gate.auto)
        io.err(`      gate ${c.ok ? 'ok  ' : 'FAIL'} ${c.criterion}: ${c.detail}`);
    } else if (event.type === 'pass-failed') {
      io.err(`[${event.passIndex + 1}/${total}] ${event.error}`);
    }
  };
}

export function stateLines(
  run: RunState,
  records: readonly PassRecord[],
  changes: readonly ProposedChange[],
): string[] {
  const lines = [
    `Run ${run.id} (${run.workflowId}${run.item ? `, ${run.item.id} ${run.item.title}` : ''}): ${run.status}`,
  ];
  if (run.error) lines.push(`  ${run.error}`);
  const pending = changes.filter((c) => c.status === 'proposed');
  if (run.status === 'waiting') {
    const record = records.find((r) => r.passIndex === run.nextPass - 1);
    const questions = record?.result?.questions ?? [];
    lines.push(`  Waiting for approval after pass '${record?.passId}'.`);
    for (const q of questions) {
      lines.push(`  ${q.id}. ${q.question}`);
      for (const o of q.options) {
        lines.push(`      ${o.key}) ${o.text}${o.key === q.recommended ? '   (recommended)' : ''}`);
      }
      if (q.options.length === 0) lines.push(`      recommended: ${q.recommended}`);
    }
    const answerHint = questions.length
      ? ` [--answer ${questions[0]!.id}=${questions[0]!.recommended}]…`
      : '';
    lines.push(
      `  Continue: cairn runs approve ${run.id}${answerHint}   Stop: cairn runs reject ${run.id}`,
    );
  } else if (run.status === 'blocked') {
    lines.push(
      `  Fix the spec and retry (cairn runs retry ${run.id}), or go on anyway (cairn runs override ${run.id}).`,
    );
  } else if (run.status === 'failed') {
    lines.push(`  Earlier results are kept; retry the pass with: cairn runs retry ${run.id}`);
  } else if (run.status === 'deferred') {
    lines.push(
      `  See what waits and decide: cairn consent list; then continue with: cairn run --resume ${run.id}`,
    );
  } else if (run.status === 'running') {
    lines.push(`  Interrupted; continue with: cairn run --resume ${run.id}`);
  }
  if (pending.length > 0) {
    lines.push(`  ${pending.length} proposed change${pending.length === 1 ? '' : 's'} to review:`);
    for (const c of pending) lines.push(`    ${c.id}  ${c.path}: ${c.summary}`);
    lines.push(
      `  Review: cairn runs changes ${run.id} --diff   Accept: cairn runs accept ${run.id} [CHG-…]`,
    );
  }
  return lines;
}

export function runExitCode(run: RunState): ExitCode {
  if (run.status === 'completed') return EXIT.ok;
  if (run.status === 'waiting' || run.status === 'blocked' || run.status === 'deferred')
    return EXIT.findings;
  if (run.status === 'running') return EXIT.interrupted;
  return EXIT.failure;
}
