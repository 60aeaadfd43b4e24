// The desktop app's inference worker: native-models/local/worker.ts run in an Electron
// utilityProcess, so a native crash in llama.cpp ends that process (which InferenceClient
// restarts on the next call), never the app.
import { utilityProcess } from 'electron';
import type { WorkerLauncher, WorkerProcess } from '../../native-models/local/worker-launcher.ts';

export function utilityWorkerLauncher(entry: string): WorkerLauncher {
  return (): WorkerProcess => {
    const child = utilityProcess.fork(entry, [], {
      serviceName: 'Cairn inference',
      stdio: 'pipe',
    });
    return {
      get pid() {
        return child.pid;
      },
      send: (message) => child.postMessage(message),
      onMessage: (listener) => child.on('message', listener),
      onExit: (listener) =>
        child.once('exit', (code) => listener({ code, signal: code === 0 ? null : 'exited' })),
      onOutput: (listener) => {
        child.stdout?.on('data', (data: Buffer) => listener(data.toString()));
        child.stderr?.on('data', (data: Buffer) => listener(data.toString()));
      },
      // A utility process never keeps the app alive: nothing to reference or release.
      setBusy: () => {},
      kill: () => {
        child.kill();
      },
    };
  };
}
