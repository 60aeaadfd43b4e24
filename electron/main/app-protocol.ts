// Serves the built renderer from a privileged custom scheme instead of file://, so the page
// has a real origin, a CSP header, and no access to the file system around the app.
import fs from 'node:fs';
import path from 'node:path';
import { net, protocol } from 'electron';
import { pathToFileURL } from 'node:url';
import { contentSecurityPolicy } from '../web/security.ts';

import { APP_ORIGIN, APP_SCHEME } from './trust.ts';

export const APP_URL = `${APP_ORIGIN}/index.html`;

/** Must run before the app is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

export function serveRenderer(rendererDir: string): void {
  const root = path.resolve(rendererDir);
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    const file = path.resolve(
      root,
      decodeURIComponent(url.pathname).replace(/^\/+/, '') || 'index.html',
    );
    if (
      url.host !== 'app' ||
      (file !== root && !file.startsWith(root + path.sep)) ||
      !fs.existsSync(file)
    ) {
      return new Response('Not found', { status: 404 });
    }
    const response = await net.fetch(pathToFileURL(file).toString());
    const headers = new Headers(response.headers);
    headers.set('Content-Security-Policy', contentSecurityPolicy());
    headers.set('X-Content-Type-Options', 'nosniff');
    return new Response(response.body, { status: response.status, headers });
  });
}
