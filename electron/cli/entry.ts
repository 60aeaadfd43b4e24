// The process entry of `cairn`: bin/cairn.mjs runs this (bundled in dist/cli/, or the sources
// through tsx in a checkout whose bundle is missing or older than the sources).
import { processIo, runCli } from './main.ts';

process.exitCode = await runCli(process.argv.slice(2), processIo());
