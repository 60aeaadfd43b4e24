// Entry point of the inference worker process. Everything that touches llama.cpp runs here, so
// that a native crash (an out-of-memory abort, a GPU driver fault) ends this process, which the
// app restarts, and never the app itself. See inference-client.ts for the app's side.
import { connectToParent } from './worker-port.ts';
import { serveRequests } from './worker-server.ts';

const port = connectToParent();
port.onDisconnect(() => process.exit(0));
serveRequests(port);
port.send({ type: 'ready', pid: process.pid });
