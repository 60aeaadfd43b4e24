#!/usr/bin/env node
// Runs the TypeScript sources directly (through tsx), so `npx cairn` works in a checkout
// with no build step.
import { register } from 'tsx/esm/api';

register();
const { runCli, processIo } = await import('../electron/cli/main.ts');
const code = await runCli(process.argv.slice(2), processIo());
process.exitCode = code;
// Let pending writes flush; a server that was closed leaves nothing running.
