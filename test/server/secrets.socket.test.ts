/**
 * The server over a real socket, with each store: the page's own API client and
 * envelope module do a full round trip (as the browser and the CLI do), concurrent
 * reveals race for a view, and the static page answers every /s/ and /r/ path.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../server/plugins/security-headers.js';
import { ApiClient, ApiError } from '../../web/src/lib/api.js';
import { deriveKeys, newLinkKey, open, proofHash, seal } from '../../web/src/lib/envelope.js';
import { b64, fakeEnvelope, newProofs } from '../helpers/proofs.js';
import { startRedis, type TestRedis } from '../helpers/redis-server.js';
import { startServer, type RunningServer } from '../helpers/server.js';

const stores = ['memory', 'redis'] as const;

describe.each(stores)('over a socket with the %s store', (kind) => {
  let redis: TestRedis | undefined;
  let server: RunningServer;
  let api: ApiClient;

  beforeAll(async () => {
    if (kind === 'redis') redis = await startRedis();
    server = await startServer({ redisUrl: redis?.url });
    api = new ApiClient(server.url);
  });
  afterAll(async () => {
    await server?.close();
    await redis?.stop();
  });

  it('round-trips a passphrase secret through the page’s API client and envelope', async () => {
    const linkKey = newLinkKey();
    const senderKeys = await deriveKeys(linkKey, 'correct horse');
    const secret = {
      text: 'multi\nline ✓',
      files: [{ name: 'k.pem', type: 'text/plain', bytes: new Uint8Array(3000).fill(7) }],
    };
    const created = await api.create({
      envelope: await seal(secret, senderKeys),
      accessHash: await proofHash(senderKeys.access),
      unlockHash: await proofHash(senderKeys.unlock!),
      expiresIn: 600,
      views: 1,
    });

    const plainKeys = await deriveKeys(linkKey);
    const status = await api.status(created.id, plainKeys.access);
    expect(status).toMatchObject({ passphrase: true, viewsLeft: 1, attemptsLeft: 10 });

    const wrong = await deriveKeys(linkKey, 'wrong horse');
    const refusal = await api.reveal(created.id, wrong).catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(ApiError);
    expect(refusal).toMatchObject({ status: 403, code: 'wrong_passphrase', attemptsLeft: 9 });

    const recipientKeys = await deriveKeys(linkKey, 'correct horse');
    const revealed = await api.reveal(created.id, recipientKeys);
    expect(await open(revealed.envelope, recipientKeys)).toEqual(secret);
    await expect(api.reveal(created.id, recipientKeys)).rejects.toMatchObject({ status: 404, code: 'not_found' });
    const receipt = await api.receipt(created.id, created.manageToken);
    expect(receipt).toMatchObject({ state: 'viewed', failedAttempts: 1, createdAt: created.expiresAt - 600_000 });
    // The one view burned it.
    expect(receipt.burnedAt).toBe(receipt.viewedAt[0]);
  });

  it('lets exactly one of 200 concurrent reveals of a 1-view secret win, and 3 of 50 for 3 views', async () => {
    for (const [views, racers] of [
      [1, 200],
      [3, 50],
    ] as const) {
      const p = newProofs();
      const created = await api.create({
        envelope: fakeEnvelope({ bytes: 2000 }),
        accessHash: Buffer.from(p.accessHash, 'base64url'),
        expiresIn: 600,
        views,
      });
      const access = Buffer.from(p.access, 'base64url');
      const results = await Promise.allSettled(
        Array.from({ length: racers }, () => api.reveal(created.id, { access })),
      );
      const wins = results.filter((r) => r.status === 'fulfilled');
      const losses = results.filter((r) => r.status === 'rejected');
      expect(wins).toHaveLength(views);
      for (const loss of losses) expect(loss.reason).toMatchObject({ status: 404 });
    }
  });

  it('burns a secret from its receipt token', async () => {
    const p = newProofs();
    const created = await api.create({
      envelope: fakeEnvelope(),
      accessHash: Buffer.from(p.accessHash, 'base64url'),
      expiresIn: 600,
      views: 1,
    });
    await api.burn(created.id, created.manageToken);
    await api.burn(created.id, created.manageToken);
    expect(await api.receipt(created.id, created.manageToken)).toMatchObject({ state: 'burned' });
    await expect(api.status(created.id, Buffer.from(p.access, 'base64url'))).rejects.toMatchObject({ status: 404 });
    await expect(api.burn(created.id, b64(newLinkKey()))).rejects.toMatchObject({ status: 404 });
  });

  it('answers /readyz', async () => {
    const res = await fetch(`${server.url}/readyz`);
    expect(res.status).toBe(200);
  });
});

describe('the page', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(async () => server?.close());

  it('serves each address its page’s HTML, the same for every link, with strict headers and no lookup', async () => {
    const index = await fetch(`${server.url}/`);
    expect(index.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await index.text()).toContain('data-page="create"');
    const pages = {
      reveal: ['/s/V1StGXR8_Z5jdHi6B-myT', '/s/anything/at/all', '/s/'],
      receipt: ['/r/V1StGXR8_Z5jdHi6B-myT', '/r/'],
      request: ['/request'],
      answer: ['/q/V1StGXR8_Z5jdHi6B-myT'],
      inbox: ['/i/V1StGXR8_Z5jdHi6B-myT'],
    };
    for (const [page, paths] of Object.entries(pages)) {
      const bodies = await Promise.all(
        paths.map(async (path) => {
          const res = await fetch(`${server.url}${path}`);
          expect(res.status, path).toBe(200);
          expect(res.headers.get('etag'), path).toMatch(/^"[\w-]{22}"$/);
          return res.text();
        }),
      );
      expect(bodies[0], paths[0]).toContain(`data-page="${page}"`);
      for (const body of bodies) expect(body).toBe(bodies[0]);
    }
    const headers = index.headers;
    expect(headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(headers.get('referrer-policy')).toBe('no-referrer');
    expect(headers.get('x-content-type-options')).toBe('nosniff');
    expect(headers.get('strict-transport-security')).toMatch(/^max-age=\d+/);
    expect(headers.get('cache-control')).toBe('no-store');
  });

  it('sends each asset precompressed to browsers that take it, and plain to others', async () => {
    const html = await (await fetch(`${server.url}/`)).text();
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(html)![1]!;
    const plain = await fetch(`${server.url}${script}`, { headers: { 'accept-encoding': 'identity' } });
    expect(plain.headers.get('content-encoding')).toBeNull();
    const source = await plain.text();
    for (const encoding of ['br', 'gzip']) {
      const res = await fetch(`${server.url}${script}`, { headers: { 'accept-encoding': encoding } });
      expect(res.headers.get('content-encoding')).toBe(encoding);
      expect(res.headers.get('content-type')).toMatch(/javascript/);
      expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      expect(Number(res.headers.get('content-length'))).toBeLessThan(source.length / 2);
      expect(await res.text()).toBe(source);
    }
  });

  it('answers unknown paths and traversal attempts with the JSON 404 and a JSON answer’s headers', async () => {
    for (const path of ['/nope', '/assets/missing.js', '/..%2f..%2fetc%2fpasswd', '/assets/..%2f..%2fpackage.json']) {
      const res = await fetch(`${server.url}${path}`);
      expect(res.status).toBe(404);
      expect(await res.json()).toMatchObject({ error: 'not_found' });
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('cross-origin-resource-policy')).toBe('same-origin');
      expect(res.headers.get('cache-control')).toBe('no-store');
    }
  });
});
