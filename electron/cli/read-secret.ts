// Reads a secret from standard input: at a terminal, one line with echo off (the prompt goes to
// stderr); from a pipe or a file, everything until the end. Never from the command line.
import type { CliIo } from './command.ts';

export async function readSecretFromStdin(prompt: string, io: CliIo): Promise<string> {
  const stdin = process.stdin;
  if (!stdin.isTTY) {
    const chunks: Buffer[] = [];
    for await (const chunk of stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  }
  process.stderr.write(prompt);
  return new Promise<string>((resolve, reject) => {
    let value = '';
    const done = (result: Error | string) => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.off('data', onData);
      process.stderr.write('\n');
      if (typeof result === 'string') resolve(result);
      else reject(result);
    };
    const onData = (data: Buffer) => {
      for (const ch of data.toString('utf8')) {
        if (ch === '\r' || ch === '\n' || ch === '\u0004') return done(value);
        if (ch === '\u0003') return done(new Error('cancelled; no key was stored'));
        if (ch === '\u007f' || ch === '\b') value = value.slice(0, -1);
        else value += ch;
      }
    };
    stdin.setRawMode(true);
    stdin.resume();
    stdin.on('data', onData);
    void io.stopped.then(() => done(new Error('cancelled; no key was stored')));
  });
}
