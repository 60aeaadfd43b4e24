// A recorded call as text (`cairn replay`, and the Records view's "Copy as text"): everything the
// envelope holds, messages and output verbatim between marker lines, so a reader sees exactly
// what the model was sent and what it said.
import type { Envelope } from './envelope.ts';

const dash = (value: string | number | null) => (value === null ? '-' : String(value));
const ms = (value: number | null) => (value === null ? '-' : `${Math.round(value * 10) / 10} ms`);

export function formatMoney(cost: Envelope['cost']): string {
  const amount = cost.amount === 0 ? '0' : cost.amount.toFixed(6).replace(/0+$/, '');
  return `${amount} ${cost.currency} (${cost.priceTable ? `price table ${cost.priceTable}` : 'no charge'})`;
}

export function formatReplayText(e: Envelope): string[] {
  const m = e.model;
  const p = e.params;
  const lines = [
    `Call ${e.id} (${e.kind}), recorded ${e.createdAt}`,
    `Run ${dash(e.runId)}, pass ${dash(e.passId)}, work item ${dash(e.workItemId)}`,
  ];
  if (e.cachedFrom) lines.push(`Answered from the cache: the output of call ${e.cachedFrom}`);
  if (e.rerunOf) lines.push(`Re-run of call ${e.rerunOf}`);
  if (e.error) lines.push(`Error: ${e.error}`);
  lines.push(
    '',
    'Model',
    `  ${m.tier}: ${m.provider} ${m.name}${m.resolvedModel ? ` (answered as ${m.resolvedModel})` : ''}`,
  );
  if (m.sha256) lines.push(`  SHA-256 ${m.sha256}`);
  lines.push(
    `  quantization ${dash(m.quantization)}, backend ${dash(m.backend)}, GPU layers ${dash(m.gpuLayers)}, threads ${dash(m.threads)}, context ${dash(m.contextSize)}`,
    `  runtime ${dash(m.runtimeVersion)}`,
    '',
    'Parameters',
    `  seed ${dash(p.seed)}, temperature ${p.temperature}, top-p ${dash(p.topP)}, max tokens ${p.maxTokens}`,
    p.jsonSchema
      ? `  output schema ${dash(p.schemaName)}, grammar SHA-256 ${dash(p.grammarHash)}`
      : '  free text (no output schema)',
  );
  if (p.jsonSchema)
    lines.push(
      ...JSON.stringify(p.jsonSchema, null, 2)
        .split('\n')
        .map((l) => `    ${l}`),
    );
  lines.push('', `Messages (${e.messages.length})`);
  e.messages.forEach((message, i) => {
    lines.push(
      `----- message ${i + 1} of ${e.messages.length}: ${message.role} -----`,
      message.content,
    );
  });
  lines.push(`----- end of messages -----`, '', `Retrieved (${e.retrieved.length})`);
  for (const chunk of e.retrieved) {
    lines.push(
      `  ${chunk.path}${chunk.section ? ` § ${chunk.section}` : ''} at ${chunk.commit ?? 'uncommitted changes'}, SHA-256 ${chunk.sha256}`,
    );
  }
  const t = e.tokens;
  const time = e.timings;
  lines.push(
    '',
    `----- output (stop: ${e.output.stopReason}) -----`,
    e.output.text,
    '----- end of output -----',
    '',
    `Tokens: input ${t.input} (cached ${t.cachedInput}, cache write ${t.cacheWrite}), output ${t.output} (reasoning ${t.reasoning})`,
    `Timings: load ${ms(time.loadMs)}, first token ${ms(time.timeToFirstTokenMs)}, total ${ms(time.totalMs)}, ${time.outputTokensPerSecond === null ? '-' : Math.round(time.outputTokensPerSecond * 10) / 10} tokens/s`,
    `Cost: ${formatMoney(e.cost)}`,
    `Cache key: ${e.cacheKey}`,
  );
  return lines;
}
