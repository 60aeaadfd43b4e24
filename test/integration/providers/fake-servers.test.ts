// The fake provider servers themselves, as the egress-gate tests rely on them: they record
// every request (also failed ones), close cleanly with requests still hanging, and make up
// answers that validate against zod-generated schemas.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { startFakeAnthropicServer } from '../../support/fake-anthropic-server.ts';
import { startFakeOpenAiServer } from '../../support/fake-openai-server.ts';
import { minimalInstance } from '../../support/fake-provider-server.ts';

describe('fake provider servers', () => {
  it('close cleanly while a request hangs, and record it', async () => {
    for (const start of [startFakeOpenAiServer, startFakeAnthropicServer]) {
      const server = await start({ apiKey: 'k' });
      server.failAlways('hang');
      const path = start === startFakeOpenAiServer ? '/v1/chat/completions' : '/v1/messages';
      const pending = fetch(`${server.origin}${path}`, {
        method: 'POST',
        headers: { 'x-api-key': 'k', 'content-type': 'application/json' },
        body: '{"model":"m"}',
      }).catch((error: unknown) => error);
      await expect.poll(() => server.requests.length).toBe(1);
      await server.close();
      expect(await pending).toBeInstanceOf(Error);
      expect(server.requests[0]).toMatchObject({
        path,
        body: { model: 'm' },
        auth: 'x-api-key',
        authOk: true,
      });
      expect(server.requests[0]!.headers['x-api-key']).toBeUndefined();
    }
  });

  it('answer unknown routes with 404 in the provider format', async () => {
    const server = await startFakeOpenAiServer({ apiKey: null });
    try {
      const response = await fetch(`${server.origin}/v1/embeddings`, {
        method: 'POST',
        body: '{}',
      });
      expect(response.status).toBe(404);
      expect(await response.json()).toMatchObject({
        error: { message: 'No route for POST /v1/embeddings' },
      });
      expect(server.requests.map((r) => r.path)).toEqual(['/v1/embeddings']);
    } finally {
      await server.close();
    }
  });

  it('make minimal instances that satisfy zod schemas', () => {
    const schemas = [
      z.object({
        a: z.string().min(5),
        b: z.number().int().min(3),
        c: z.array(z.boolean()).min(2),
      }),
      z.object({ kind: z.literal('x'), tag: z.enum(['p', 'q']), opt: z.string().optional() }),
      z.object({ when: z.iso.datetime(), mail: z.email(), n: z.number().nullable() }),
      z.union([z.object({ a: z.string() }), z.number()]),
      z.array(z.object({ id: z.uuid() })).min(1),
    ];
    for (const schema of schemas) {
      const instance = minimalInstance(z.toJSONSchema(schema));
      expect(schema.safeParse(instance).success, JSON.stringify(instance)).toBe(true);
    }
  });
});
