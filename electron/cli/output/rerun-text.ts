// `cairn rerun` as text: the two calls side by side, then every field with its status.
import type { FieldComparison } from '../../../workflows/records/compare-outputs.ts';
import type { Envelope } from '../../../workflows/records/envelope.ts';
import type { RerunOutcome } from '../../services/records/rerun.ts';
import { formatMoney } from '../../../workflows/records/replay-text.ts';

const MAX_VALUE = 160;

function value(v: unknown): string {
  const text = JSON.stringify(v) ?? 'undefined';
  return text.length > MAX_VALUE ? `${text.slice(0, MAX_VALUE - 1)}…` : text;
}

function field(f: FieldComparison): string {
  const path = f.path === '' ? '(output)' : f.path;
  const head = `  ${f.status.padEnd(8)} ${path}`;
  switch (f.status) {
    case 'same':
      return head;
    case 'added':
      return `${head}: ${value(f.after)}`;
    case 'removed':
      return `${head}: ${value(f.before)}`;
    case 'changed':
      return `${head}: ${value(f.before)} -> ${value(f.after)}${f.similarity !== undefined ? ` (similarity ${f.similarity.toFixed(2)})` : ''}`;
  }
}

function call(label: string, e: Envelope): string {
  const model = `${e.model.provider} ${e.model.name}${e.model.quantization ? ` ${e.model.quantization}` : ''}`;
  return `${label} ${e.id}: ${model}; ${e.tokens.input} input and ${e.tokens.output} output tokens, ${Math.round(e.timings.loadMs + e.timings.totalMs)} ms, ${formatMoney(e.cost)}${e.error ? `; error: ${e.error}` : ''}`;
}

export function formatRerunText({ source, envelope, comparison }: RerunOutcome): string[] {
  const c = comparison.counts;
  return [
    call('Recorded', source),
    call('Re-run  ', envelope),
    '',
    comparison.identical
      ? 'The outputs are identical.'
      : `${c.changed} changed, ${c.added} added, ${c.removed} removed, ${c.same} the same; text similarity ${comparison.textSimilarity.toFixed(2)}`,
    ...comparison.fields.map(field),
  ];
}
