// The Electron main process: owns the window and IPC; the core's services run here behind
// the same dispatcher as the web host's.
import path from 'node:path';
import { app, BrowserWindow, safeStorage } from 'electron';
import { createDispatcher } from '../ipc/dispatch.ts';
import { createHandlers } from '../ipc/handlers.ts';
import { Core } from '../services/core.ts';
import { openSafeStorageSecretStore } from '../services/secrets/safe-storage-secret-store.ts';
import { resolveDataDir } from '../services/store/data-dir.ts';
import { APP_URL, registerAppScheme, serveRenderer } from './app-protocol.ts';
import { bridgeIpc } from './ipc-bridge.ts';
import { hardenSessions } from './security.ts';
import { utilityWorkerLauncher } from './utility-worker-launcher.ts';

registerAppScheme();

/** dist/main/main.cjs -> the app root (dist/..). */
const appRoot = path.resolve(__dirname, '..', '..');

function workspaceArg(): string | undefined {
  const flag = process.argv.find((a) => a.startsWith('--workspace='));
  return flag?.slice('--workspace='.length) ?? process.env.CAIRN_WORKSPACE;
}

function createWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 820,
    title: 'Cairn',
    show: false,
    webPreferences: {
      preload: path.join(appRoot, 'dist', 'preload', 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      spellcheck: false,
    },
  });
  win.once('ready-to-show', () => win.show());
  void win.loadURL(APP_URL);
  return win;
}

async function start(): Promise<void> {
  await app.whenReady();
  hardenSessions();
  serveRenderer(path.join(appRoot, 'dist', 'renderer'));
  const dataDir = process.env.CAIRN_DATA_DIR ? resolveDataDir(undefined) : app.getPath('userData');
  // Tokens and API keys: Electron safeStorage (Keychain, DPAPI, libsecret/KWallet), opened after
  // 'ready' as Electron requires. On Linux without a keyring (basic_text) the store's warning
  // says keys are only obfuscated; it goes to the log here and over IPC in repo.status'
  // tokenStorage (kind and warning) for the UI. The CLI and the web host keep the 0600 file.
  const secrets = openSafeStorageSecretStore(dataDir, safeStorage);
  if (secrets.warning) console.warn(`Cairn: ${secrets.warning}`);
  const core = new Core({
    dataDir,
    host: 'electron',
    version: app.getVersion(),
    workspace: workspaceArg() ?? path.join(appRoot, 'resources', 'sample-workspace'),
    nativeBinding: process.env.CAIRN_SQLITE_BINDING,
    models: {
      launcher: utilityWorkerLauncher(path.join(appRoot, 'dist', 'main', 'inference-worker.mjs')),
    },
    secrets,
    packageRoot: appRoot,
  });
  bridgeIpc(createDispatcher(createHandlers(core), (line) => console.error(line)));
  app.on('will-quit', () => core.close());
  createWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow();
  });
}

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});

start().catch((error: unknown) => {
  console.error('Cairn could not start:', error);
  app.exit(1);
});
