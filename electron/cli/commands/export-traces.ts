import path from 'node:path';
import { writeFileAtomic } from '../../services/files/atomic-write.ts';
import { toOtlpTraces } from '../../../workflows/records/otlp-export.ts';
import { parseCommandArgs, UsageError, type Command } from '../command.ts';
import { EXIT } from '../exit-codes.ts';
import { packageVersion } from '../package-info.ts';
import { withRecords } from '../open-records.ts';

export const exportTracesCommand: Command = {
  name: 'export-traces',
  summary: 'Export recorded model calls as OpenTelemetry GenAI spans (OTLP JSON)',
  help: `Usage: cairn export-traces [--run <run-id>] [--since <ISO time>] [--out <file>]
                   [--data-dir DIR]

Writes the recorded model calls as OpenTelemetry spans in OTLP JSON (the body of an
OTLP/HTTP export: POST it to a collector's /v1/traces, or load it in a tracing tool), with
the GenAI attribute names (gen_ai.request.model, gen_ai.usage.input_tokens, …) and Cairn's
own under cairn.* (run, pass, work item, cache key, cost). One trace per run, one span per
call. Message contents are not exported.

  --run ID          only the calls of this run
  --since TIME      only calls recorded at or after this ISO 8601 time (2026-11-01 or
                    2026-11-01T09:00:00Z)
  --out FILE        write to FILE (atomically: a reader never sees half of it) instead of
                    standard output
  --data-dir DIR    where Cairn keeps its database (default: $CAIRN_DATA_DIR, then the user
                    data folder)

Exit codes: 0 written (also when no call matched: an empty export); 2 usage error;
3 unreadable database or output file.`,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, {
      run: { type: 'string' },
      since: { type: 'string' },
      out: { type: 'string' },
      'data-dir': { type: 'string' },
    });
    if (positionals.length > 0) {
      throw new UsageError(`export-traces takes no arguments, got '${positionals.join(' ')}'`);
    }
    if (values.since !== undefined && Number.isNaN(Date.parse(values.since))) {
      throw new UsageError(
        `--since takes an ISO 8601 time such as 2026-11-01, got '${values.since}'`,
      );
    }
    return withRecords(values['data-dir'], io, async ({ records }) => {
      const envelopes = records.list({ runId: values.run, since: values.since, order: 'oldest' });
      const json = JSON.stringify(toOtlpTraces(envelopes, { serviceVersion: packageVersion() }));
      if (values.out === undefined) {
        io.out(json);
      } else {
        const file = path.resolve(io.cwd, values.out);
        writeFileAtomic(file, json + '\n');
        io.err(`Wrote ${envelopes.length} span${envelopes.length === 1 ? '' : 's'} to ${file}.`);
      }
      return EXIT.ok;
    });
  },
};
