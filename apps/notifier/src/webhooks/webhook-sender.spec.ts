import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { postWebhook, publicOnlyLookup, signedHeaders } from './webhook-sender';

describe('sending one webhook', () => {
  let server: Server;
  let url = '';
  const seen: { headers: Record<string, unknown>; body: string }[] = [];
  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        seen.push({ headers: req.headers, body });
        if (req.url === '/slow') return; // never answers
        if (req.url === '/moved') return res.writeHead(301, { location: '/ok' }).end();
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  });

  it('signs what it sends: the receiver verifies it with the secret', async () => {
    const secret = `whsec_${Buffer.alloc(32, 9).toString('base64')}`;
    const body = JSON.stringify({ type: 'request.resolved', timestamp: '2026-12-01T10:00:00.000Z', data: { requestId: 'r1' } });
    expect(await postWebhook(`${url}/ok`, signedHeaders(secret, 'msg_1', new Date(), body), body, { timeoutMs: 2000, allowPrivate: true })).toEqual({ status: 204 });
    const got = seen.at(-1)!;
    expect(got.headers['webhook-id']).toBe('msg_1');
    expect(new Webhook(secret).verify(got.body, got.headers as Record<string, string>)).toEqual(JSON.parse(body));
  });

  it('answers the status of a redirect without following it, and an error when no answer comes in time', async () => {
    expect(await postWebhook(`${url}/moved`, {}, '{}', { timeoutMs: 2000, allowPrivate: true })).toEqual({ status: 301 });
    expect(await postWebhook(`${url}/slow`, {}, '{}', { timeoutMs: 200, allowPrivate: true })).toEqual({ error: 'no answer within 200 ms' });
    expect(await postWebhook('http://127.0.0.1:1/x', {}, '{}', { timeoutMs: 2000, allowPrivate: true })).toEqual({ error: expect.stringContaining('ECONNREFUSED') });
  });

  it('refuses private targets when told to, by address and by what a name resolves to', async () => {
    const before = seen.length;
    expect(await postWebhook(`${url}/ok`, {}, '{}', { timeoutMs: 2000, allowPrivate: false })).toEqual({ error: expect.stringContaining('public address') });
    // A name is checked on the address it resolves to (the one connected to), so it cannot rebind.
    const resolved = await new Promise<Error | null>((resolve) => publicOnlyLookup('localhost', { all: true }, (error) => resolve(error)));
    expect(resolved?.message).toMatch(/^localhost resolves to a private address/);
    expect(seen.length).toBe(before);
  });
});
