import path from 'node:path';
import { formatJson, formatSarif, formatText } from '../../../workflows/drift/format.ts';
import { acceptFindings, driftReport } from '../../services/repo/drift-service.ts';
import { resolveIdentity } from '../../services/repo/identity.ts';
import { requireRepository } from '../../services/repo/repository.ts';
import { resolveDataDir } from '../../services/store/data-dir.ts';
import { openDatabase } from '../../services/store/database.ts';
import { parseCommandArgs, UsageError, type Command } from '../command.ts';
import { EXIT } from '../exit-codes.ts';
import { packageVersion } from '../package-info.ts';

const FORMATS = ['text', 'json', 'sarif'] as const;
const FAIL_ON = ['new', 'any', 'none'] as const;

export const driftCommand: Command = {
  name: 'drift',
  summary: 'Find drift between specs and code, and trace requirements to tests (CI gate)',
  help: `Usage: cairn drift [workspace] [--since <ref>] [--format text|json|sarif]
                   [--fail-on new|any|none] [--accept [--key KEY]... [--note TEXT]]
                   [--data-dir DIR]

Indexes the git history (incrementally, in the data folder) and reports, for every spec with
\`covers\` globs in its frontmatter:
  code-drift      covered code changed in commits the spec has not caught up with
                  (which commits, files, authors)
  spec-ahead      the spec changed and no covered code changed after it
  covers-nothing  the globs match no file
and, from requirement IDs cited in code and tests (REQ-7KQ2M4, FR-001):
  untested-requirement, unknown-requirement, removed-requirement
with a coverage matrix. Findings accepted in .cairn/drift-baseline.yaml stay quiet until new
evidence appears. Only committed history counts: commit first.

  workspace        the folder (in a git repository) to check (default: the current folder)
  --since <ref>    only findings introduced by commits after <ref> (e.g. origin/main in a PR)
  --format F       text (default), json or sarif (SARIF 2.1.0, for code-scanning uploads)
  --fail-on W      new (default): exit 1 when a finding is not accepted; any: exit 1 on any
                   finding, accepted or not; none: exit 0 whatever is found
  --accept         accept the current findings into .cairn/drift-baseline.yaml (all of them,
                   or only those named with --key; repeat --key), then commit and sync it
  --note TEXT      a note stored with accepted entries
  --data-dir DIR   where Cairn keeps its database (default: $CAIRN_DATA_DIR, then the user
                   data folder)

Exit codes: 0 no failing finding (or accepted), 1 failing findings, 2 usage error,
3 failure (not a git repository, shallow clone, unknown ref, damaged repository).`,
  async run(args, io) {
    const parsed = parseCommandArgs(args, {
      since: { type: 'string' },
      format: { type: 'string', default: 'text' },
      'fail-on': { type: 'string', default: 'new' },
      accept: { type: 'boolean', default: false },
      key: { type: 'string', multiple: true },
      note: { type: 'string' },
      'data-dir': { type: 'string' },
    });
    const { values, positionals } = parsed;
    if (positionals.length > 1)
      throw new UsageError(`drift takes one workspace folder, got ${positionals.length}`);
    const format = values.format as (typeof FORMATS)[number];
    if (!FORMATS.includes(format))
      throw new UsageError(`--format must be one of ${FORMATS.join(', ')}, got '${values.format}'`);
    const failOn = values['fail-on'] as (typeof FAIL_ON)[number];
    if (!FAIL_ON.includes(failOn))
      throw new UsageError(
        `--fail-on must be one of ${FAIL_ON.join(', ')}, got '${values['fail-on']}'`,
      );
    if (!values.accept && (values.key || values.note))
      throw new UsageError('--key and --note go with --accept');
    if (values.accept && values.since)
      throw new UsageError('--accept works on all findings; leave out --since');

    const workspace = path.resolve(io.cwd, positionals[0] ?? '.');
    const repo = await requireRepository(workspace);
    const db = openDatabase(resolveDataDir(values['data-dir'], io.env));
    try {
      if (values.accept) {
        const who = await resolveIdentity(repo, db, io.env);
        const result = await acceptFindings(repo, db, workspace, {
          ...(values.key ? { keys: values.key } : { all: true }),
          note: values.note,
          ...(who ? { by: `${who.name} <${who.email}>` } : {}),
        });
        io.out(
          `Accepted ${result.accepted} finding${result.accepted === 1 ? '' : 's'} into ${path.relative(io.cwd, result.file) || result.file}. Commit and sync it to share.`,
        );
        return EXIT.ok;
      }
      const report = await driftReport(repo, db, workspace, { since: values.since });
      if (format === 'json') io.out(formatJson(report));
      else if (format === 'sarif') io.out(formatSarif(report, packageVersion()));
      else io.out(formatText(report));
      const failing =
        failOn === 'none'
          ? []
          : report.findings.filter((f) => failOn === 'any' || f.state === 'new');
      return failing.length > 0 ? EXIT.findings : EXIT.ok;
    } finally {
      db.close();
    }
  },
};
