// What the fake OpenAI and Anthropic servers share: a node:http server on 127.0.0.1 (port 0)
// that records every request it receives (headers without the key, the exact body), checks
// the key, can be told to fail (an HTTP status, a hang, a closed socket), closes cleanly, and
// makes up answers that validate against the JSON schema a request carries.
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface RecordedRequest {
  method: string;
  path: string;
  /** Every header but `authorization` and `x-api-key`, lower-cased. */
  headers: Record<string, string>;
  /** How the key came: `bearer`, `x-api-key` or `none`; and whether it was the right one. */
  auth: 'bearer' | 'x-api-key' | 'none';
  authOk: boolean;
  /** The body as received, and parsed (undefined when it is not JSON). */
  rawBody: string;
  body: unknown;
  receivedAt: number;
}

export type Failure =
  { status: number; message?: string; headers?: Record<string, string> } | 'hang' | 'close-socket';

export interface FakeServerOptions {
  /** The key clients must send; null accepts requests without one. */
  apiKey: string | null;
}

/** A JSON answer the handler writes, or a failure in the provider's error format. */
export interface Reply {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

export interface FakeServerCore {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  requests: RecordedRequest[];
  /** Fails the next `times` requests (default 1) that reach a known endpoint. */
  failNext(failure: Failure, times?: number): void;
  /** Fails every request from now on; `null` stops failing. */
  failAlways(failure: Failure | null): void;
  /** Forgets the recorded requests. */
  reset(): void;
  close(): Promise<void>;
}

export interface Handler {
  /** The endpoint's path, e.g. `/v1/chat/completions`; the key may come as a Bearer token or x-api-key. */
  path: string;
  /** The 401 answer in the provider's error format. */
  authError: (message: string) => Reply;
  error: (status: number, message: string) => Reply;
  answer: (body: unknown) => Reply;
}

export async function startFakeServer(
  options: FakeServerOptions,
  handler: Handler,
): Promise<FakeServerCore> {
  const requests: RecordedRequest[] = [];
  let failures: { failure: Failure; left: number } | null = null;
  const sockets = new Set<Socket>();

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const rawBody = Buffer.concat(chunks).toString('utf8');
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(req.headers)) {
        if (name === 'authorization' || name === 'x-api-key' || value === undefined) continue;
        headers[name] = Array.isArray(value) ? value.join(', ') : value;
      }
      const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
      const xKey = req.headers['x-api-key'] as string | undefined;
      const given = xKey ?? bearer;
      const authOk = options.apiKey === null || given === options.apiKey;
      let body: unknown;
      try {
        body = JSON.parse(rawBody);
      } catch {
        body = undefined;
      }
      const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
      requests.push({
        method: req.method ?? '',
        path,
        headers,
        auth: xKey !== undefined ? 'x-api-key' : bearer !== undefined ? 'bearer' : 'none',
        authOk,
        rawBody,
        body,
        receivedAt: Date.now(),
      });

      const send = (reply: Reply) => {
        const text = JSON.stringify(reply.body);
        res.writeHead(reply.status, {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(text),
          ...reply.headers,
        });
        res.end(text);
      };
      if (req.method !== 'POST' || path !== handler.path) {
        send(handler.error(404, `No route for ${req.method} ${path}`));
        return;
      }
      const failure = failures?.failure;
      if (failures && failures.left > 0) {
        failures.left -= 1;
        if (failures.left === 0) failures = null;
      }
      if (failure === 'hang') return; // never answers; close() ends it
      if (failure === 'close-socket') {
        req.socket.destroy();
        return;
      }
      if (failure) {
        const reply =
          failure.status === 401
            ? handler.authError(failure.message ?? 'Invalid API key.')
            : handler.error(failure.status, failure.message ?? `Simulated ${failure.status}.`);
        send({ ...reply, headers: { ...reply.headers, ...failure.headers } });
        return;
      }
      if (!authOk) {
        send(handler.authError(given === undefined ? 'No API key was sent.' : 'Invalid API key.'));
        return;
      }
      if (body === undefined) {
        send(handler.error(400, 'The body is not JSON.'));
        return;
      }
      send(handler.answer(body));
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    failNext(failure, times = 1) {
      failures = { failure, left: times };
    },
    failAlways(failure) {
      failures = failure === null ? null : { failure, left: Number.POSITIVE_INFINITY };
    },
    reset() {
      requests.length = 0;
    },
    close() {
      return new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        for (const socket of sockets) socket.destroy();
      });
    },
  };
}

type Schema = Record<string, unknown>;

/**
 * A small instance of a JSON schema (the kind zod's toJSONSchema writes): required properties
 * only, minimum lengths and counts, the first enum value or union member. Enough for a fake
 * server's answer to validate; not a general JSON-schema sampler (no `pattern`, no `not`).
 */
export function minimalInstance(schema: unknown, root: unknown = schema, depth = 0): unknown {
  if (depth > 32 || typeof schema !== 'object' || schema === null) return null;
  const s = schema as Schema;
  if (typeof s.$ref === 'string') {
    const target = s.$ref
      .replace(/^#\//, '')
      .split('/')
      .reduce<unknown>((node, key) => (node as Schema | undefined)?.[key], root);
    return minimalInstance(target, root, depth + 1);
  }
  if ('const' in s) return s.const;
  if (Array.isArray(s.enum)) return s.enum[0];
  for (const key of ['anyOf', 'oneOf'] as const) {
    const options = s[key];
    if (Array.isArray(options) && options.length > 0) {
      return minimalInstance(options[0], root, depth + 1);
    }
  }
  if (Array.isArray(s.allOf)) {
    return Object.assign(
      {},
      ...s.allOf.map((part) => minimalInstance(part, root, depth + 1) as object),
    ) as unknown;
  }
  const type = Array.isArray(s.type) ? (s.type as string[]).find((t) => t !== 'null') : s.type;
  switch (type) {
    case 'object': {
      const props = (s.properties ?? {}) as Record<string, unknown>;
      const required = Array.isArray(s.required) ? (s.required as string[]) : [];
      const out: Record<string, unknown> = {};
      for (const key of required) out[key] = minimalInstance(props[key] ?? {}, root, depth + 1);
      return out;
    }
    case 'array': {
      const count = typeof s.minItems === 'number' ? s.minItems : 0;
      if (Array.isArray(s.prefixItems)) {
        return (s.prefixItems as unknown[]).map((item) => minimalInstance(item, root, depth + 1));
      }
      return Array.from({ length: count }, () => minimalInstance(s.items ?? {}, root, depth + 1));
    }
    case 'string': {
      if (s.format === 'date-time') return '2026-01-01T00:00:00Z';
      if (s.format === 'date') return '2026-01-01';
      if (s.format === 'email') return 'a@example.com';
      if (s.format === 'uri' || s.format === 'url') return 'https://example.com/';
      if (s.format === 'uuid') return '00000000-0000-4000-8000-000000000000';
      const min = typeof s.minLength === 'number' ? s.minLength : 0;
      return 'x'
        .repeat(Math.max(min, 1))
        .slice(0, typeof s.maxLength === 'number' ? s.maxLength : undefined);
    }
    case 'integer':
    case 'number': {
      const low =
        typeof s.minimum === 'number'
          ? s.minimum
          : typeof s.exclusiveMinimum === 'number'
            ? s.exclusiveMinimum + 1
            : 0;
      return type === 'integer' ? Math.ceil(low) : low;
    }
    case 'boolean':
      return false;
    case 'null':
      return null;
    default:
      return {};
  }
}

/** The schema Cairn puts in a system message when the server cannot enforce it (structured-output.ts). */
export function schemaFromInstruction(text: string): unknown {
  const at = text.indexOf('JSON schema:\n');
  if (at < 0) return undefined;
  try {
    return JSON.parse(text.slice(at + 'JSON schema:\n'.length).split('\n')[0]!);
  } catch {
    return undefined;
  }
}

/** A rough token count (4 characters a token), so usage numbers look like real ones. */
export function roughTokens(text: string): number {
  return Math.max(1, Math.ceil(text.length / 4));
}
