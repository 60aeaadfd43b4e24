import { ModelsService } from '../../services/models/models-service.ts';
import { localRerun } from '../../services/records/rerun.ts';
import { ModelRegistryStore } from '../../services/store/model-registry-store.ts';
import { parseCommandArgs, parseFormat, UsageError, type Command } from '../command.ts';
import { EXIT } from '../exit-codes.ts';
import { onePositional, withRecords } from '../open-records.ts';
import { formatRerunText } from '../output/rerun-text.ts';

export const rerunCommand: Command = {
  name: 'rerun',
  summary: 'Re-run a recorded call on another model and compare the outputs field by field',
  help: `Usage: cairn rerun <call-id> --model <model-id> [--format text|json] [--cpu]
                   [--data-dir DIR]

Sends a recorded call's exact messages and parameters (output schema, seed, temperature,
top-p, token limit) to another model, records the new call (marked as a re-run of the first)
and compares the two outputs field by field: same, changed, added or removed, with a
similarity ratio for text. This is how to judge a model on your own specs.

  <call-id>         the recorded call, or a unique start of its id (at least 4 characters)
  --model ID        a registered on-device model (\`cairn models list\`)
  --format F        text (default) or json (the new record's id and the full comparison)
  --cpu             do not use a GPU
  --data-dir DIR    where Cairn keeps its database and models (default: $CAIRN_DATA_DIR, then
                    the user data folder); its prices.yaml, if any, replaces the shipped prices

Exit codes: 0 compared (whatever the differences); 2 usage error; 3 unknown call id,
ambiguous prefix, unknown model, broken price table, or the model failed (the failed call is
still recorded).`,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, {
      model: { type: 'string' },
      format: { type: 'string' },
      cpu: { type: 'boolean' },
      'data-dir': { type: 'string' },
    });
    const format = parseFormat(values.format);
    const id = onePositional(positionals, 'rerun', 'one call id');
    if (!values.model) throw new UsageError('say which model to re-run on with --model <model-id>');
    const modelId = values.model;
    return withRecords(values['data-dir'], io, async ({ dataDir, db, records }) => {
      const models = new ModelsService({
        registry: new ModelRegistryStore(db),
        dataDir,
        gpu: values.cpu ? false : 'auto',
      });
      const controller = new AbortController();
      void io.stopped.then(() => controller.abort());
      try {
        const rerun = localRerun({ records, models, dataDir, sourceId: id, modelId });
        const { source } = rerun;
        io.err(`Re-running ${source.id} on ${rerun.model.summary.name} (${rerun.model.id})…`);
        const outcome = await rerun.run({ signal: controller.signal });
        if (format === 'json') {
          io.out(
            JSON.stringify(
              { source: source.id, rerun: outcome.envelope.id, comparison: outcome.comparison },
              null,
              2,
            ),
          );
        } else {
          for (const line of formatRerunText(outcome)) io.out(line);
        }
        return EXIT.ok;
      } finally {
        models.close();
      }
    });
  },
};
