import { parseCommandArgs, parseFormat, type Command } from '../command.ts';
import { EXIT } from '../exit-codes.ts';
import { onePositional, withRecords } from '../open-records.ts';
import { formatReplayText } from '../../../workflows/records/replay-text.ts';

export const replayCommand: Command = {
  name: 'replay',
  summary: 'Show a recorded model call exactly: model, parameters, messages, output, cost',
  help: `Usage: cairn replay <call-id> [--format text|json] [--data-dir DIR]

Shows one recorded model call as it happened: the model's identity (GGUF SHA-256,
quantization, backend, GPU layers, threads, context size, runtime; or provider and resolved
model), the parameters (seed, temperature, top-p, token limit, output schema), every message
in full, the retrieved spec chunks with their commit, the output, tokens by class, timings,
cost and cache key. Nothing is sent to a model.

  <call-id>         the call's id, or a unique start of it (at least 4 characters)
  --format F        text (default), or json: the recorded envelope itself
  --data-dir DIR    where Cairn keeps its database (default: $CAIRN_DATA_DIR, then the
                    user data folder)

Exit codes: 0 shown; 2 usage error; 3 unknown id, ambiguous prefix or unreadable database.`,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, {
      format: { type: 'string' },
      'data-dir': { type: 'string' },
    });
    const format = parseFormat(values.format);
    const id = onePositional(positionals, 'replay', 'one call id');
    return withRecords(values['data-dir'], io, async ({ records }) => {
      const envelope = records.get(id);
      if (format === 'json') io.out(JSON.stringify(envelope, null, 2));
      else for (const line of formatReplayText(envelope)) io.out(line);
      return EXIT.ok;
    });
  },
};
