/**
 * Size, views and expiry limits are enforced before any storage work (the store is
 * never called for a refused request), and slow or oversized clients are cut off: a
 * body announced too large is refused at once, trickled headers or bodies and silent
 * connections get a 408 within the configured timeouts.
 */
import { randomBytes } from 'node:crypto';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/config.js';
import { MemoryStore } from '../../server/store/memory.js';
import { b64, fakeEnvelope, newProofs } from '../helpers/proofs.js';
import { RecordingStore } from '../helpers/recording-store.js';
import { buildTestApp, startServer, type RunningServer } from '../helpers/server.js';
import { captureLog, secretLookingRuns } from '../helpers/log-capture.js';

const limits = { maxSecretBytes: 4096, maxViews: 10, minExpiresIn: 300, maxExpiresIn: 3600, defaultExpiresIn: 600 };

function recordingStore() {
  return new RecordingStore(
    new MemoryStore({ limits: { maxAttempts: 10, receiptRetentionSeconds: 60 }, maxBytes: 1 << 20 }),
  );
}

describe('limits are checked before the store is touched', () => {
  const p = newProofs();
  const valid = { ciphertext: b64(fakeEnvelope()), accessHash: p.accessHash };
  const refused: [string, unknown, number][] = [
    ['a ciphertext one byte over MAX_SECRET_BYTES', { ...valid, ciphertext: b64(randomBytes(4097)) }, 413],
    ['a body far over the limit', { ...valid, ciphertext: 'A'.repeat(200_000) }, 413],
    ...[0, -1, 11, 1.5, 1e308, -1e308, 2 ** 53 + 2, '1', null, true, [1], { n: 1 }].map(
      (views): [string, unknown, number] => [`views ${JSON.stringify(views)}`, { ...valid, views }, 400],
    ),
    ...[0, 299, 3601, -300, 300.5, 1e308, '600', null, [600]].map((expiresIn): [string, unknown, number] => [
      `expiresIn ${JSON.stringify(expiresIn)}`,
      { ...valid, expiresIn },
      400,
    ]),
    ['a ciphertext that is not canonical base64url', { ...valid, ciphertext: 'AB' }, 400],
    ['an unlock hash of 31 bytes', { ...valid, unlockHash: b64(randomBytes(31)) }, 400],
  ];

  it('refuses oversized, out-of-range and malformed creates with 413/400 and never calls the store', async () => {
    const store = recordingStore();
    const app = await buildTestApp(limits, { store });
    for (const [name, payload, status] of refused) {
      const res = await app.inject({ method: 'POST', url: '/api/secrets', payload: payload as object });
      expect(res.statusCode, name).toBe(status);
      expect(res.json().error, name).toBe(status === 413 ? 'too_large' : 'invalid_request');
    }
    expect(store.calls).toEqual([]);

    // The bounds themselves are accepted: the same checks do not refuse too much. The
    // envelopes are the largest within MAX_SECRET_BYTES and the smallest a client makes.
    for (const edge of [
      { ciphertext: b64(fakeEnvelope({ bytes: 3998 })), views: 10, expiresIn: 3600 },
      { ciphertext: b64(fakeEnvelope({ bytes: 1054 })), views: 1, expiresIn: 300 },
    ]) {
      const res = await app.inject({ method: 'POST', url: '/api/secrets', payload: { ...valid, ...edge } });
      expect(res.statusCode, res.body).toBe(201);
    }
    expect(store.count('create')).toBe(2);
    console.log(
      `limits: ${refused.length} out-of-bounds creates refused with 413/400, 0 store calls; both edges accepted`,
    );
  });

  it('refuses malformed ids, proofs and tokens on every other route without calling the store', async () => {
    const store = recordingStore();
    const app = await buildTestApp(limits, { store });
    const id = 'V1StGXR8_Z5jdHi6B-myT';
    const requests = [
      { method: 'POST', url: '/api/secrets/short/reveal', payload: { access: p.access } },
      { method: 'POST', url: `/api/secrets/${'a'.repeat(65)}/status`, payload: { access: p.access } },
      { method: 'POST', url: `/api/secrets/${id}/reveal`, payload: { access: p.access.slice(1) } },
      { method: 'POST', url: `/api/secrets/${id}/reveal`, payload: { access: p.access, unlock: 'x' } },
      { method: 'POST', url: `/api/secrets/${id}/status`, payload: { access: 'A'.repeat(20_000) } },
      { method: 'GET', url: `/api/secrets/${id}/receipt`, headers: { authorization: `Bearer ${p.access}x` } },
      { method: 'DELETE', url: `/api/secrets/${id}`, headers: { authorization: `Basic ${p.access}` } },
      { method: 'DELETE', url: `/api/secrets/${id}.x`, headers: { authorization: `Bearer ${p.access}` } },
    ] as const;
    for (const request of requests) {
      const res = await app.inject(request);
      expect([400, 413], `${request.method} ${request.url}`).toContain(res.statusCode);
    }
    expect(store.calls).toEqual([]);
  });
});

/** Talks raw HTTP to the server: writes `first`, then `drip` every 200 ms until the server closes. */
function trickle(server: RunningServer, first: string, drip?: string) {
  const { port } = new URL(server.url);
  return new Promise<{ response: string; closedAfterMs: number }>((resolve, reject) => {
    const started = Date.now();
    const socket = connect(Number(port), '127.0.0.1');
    let response = '';
    let timer: NodeJS.Timeout | undefined;
    const giveUp = setTimeout(() => {
      socket.destroy();
      reject(new Error('the server kept the connection open for 10 s'));
    }, 10_000);
    socket.on('connect', () => {
      if (first) socket.write(first);
      if (drip) timer = setInterval(() => socket.writable && socket.write(drip), 200);
    });
    socket.on('data', (chunk) => (response += chunk.toString()));
    socket.on('error', () => {});
    socket.on('close', () => {
      clearInterval(timer);
      clearTimeout(giveUp);
      resolve({ response, closedAfterMs: Date.now() - started });
    });
  });
}

function parse(response: string) {
  const [head = '', body = ''] = response.split('\r\n\r\n');
  const [statusLine = '', ...lines] = head.split('\r\n');
  const headers = Object.fromEntries(
    lines.map((line) => [line.slice(0, line.indexOf(':')).toLowerCase(), line.slice(line.indexOf(':') + 1).trim()]),
  );
  return {
    status: Number(statusLine.split(' ')[1]),
    headers,
    body: body ? (JSON.parse(body) as Record<string, unknown>) : {},
  };
}

describe('slow and oversized clients are cut off', () => {
  const HEADERS_TIMEOUT = 1000;
  const REQUEST_TIMEOUT = 2000;
  // Node checks the timeouts every second, so a bound of timeout + 1 s, plus slack for a busy machine.
  const SLACK = 1000 + 1500;
  let server: RunningServer;
  let store: RecordingStore;
  const log = captureLog();
  beforeAll(async () => {
    store = recordingStore();
    server = await startServer(
      { ...limits, headersTimeoutMs: HEADERS_TIMEOUT, requestTimeoutMs: REQUEST_TIMEOUT, logLevel: 'trace' },
      { store, logStream: log.stream },
    );
  });
  afterAll(async () => server?.close());

  it('reads the timeouts from the environment and refuses a header timeout longer than the request timeout', () => {
    expect(loadConfig({})).toMatchObject({
      headersTimeoutMs: 20_000,
      requestTimeoutMs: 30_000,
      redisCommandTimeoutMs: 1000,
    });
    expect(loadConfig({ HEADERS_TIMEOUT_MS: '5000', REQUEST_TIMEOUT_MS: '90000' })).toMatchObject({
      headersTimeoutMs: 5000,
      requestTimeoutMs: 90_000,
    });
    expect(() => loadConfig({ HEADERS_TIMEOUT_MS: '40000' })).toThrow(
      /HEADERS_TIMEOUT_MS must not be larger than REQUEST_TIMEOUT_MS/,
    );
    expect(() => loadConfig({ REQUEST_TIMEOUT_MS: '10' })).toThrow(
      /REQUEST_TIMEOUT_MS must be a whole number from 1000/,
    );
  });

  it('refuses a body announced too large at once, without waiting for it', async () => {
    const { response, closedAfterMs } = await trickle(
      server,
      'POST /api/secrets HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 50000000\r\n\r\n',
    );
    const answer = parse(response);
    expect(answer.status).toBe(413);
    expect(answer.body).toMatchObject({ error: 'too_large' });
    expect(closedAfterMs).toBeLessThan(HEADERS_TIMEOUT);
  });

  it('answers 408 and closes when headers trickle in, a body trickles in, or nothing comes', async () => {
    const cases = {
      headers: trickle(server, 'GET /healthz HTTP/1.1\r\nHost: x\r\n', 'X-Slow: 1\r\n'),
      body: trickle(
        server,
        'POST /api/secrets HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 5000\r\n\r\n{"ciphertext":"',
        'A',
      ),
      silence: trickle(server, ''),
    };
    const bounds = {
      headers: HEADERS_TIMEOUT + SLACK,
      body: REQUEST_TIMEOUT + SLACK,
      silence: HEADERS_TIMEOUT + SLACK,
    };
    const figures: string[] = [];
    for (const [name, pending] of Object.entries(cases)) {
      const { response, closedAfterMs } = await pending;
      const answer = parse(response);
      expect(answer.status, name).toBe(408);
      expect(answer.body, name).toEqual({ error: 'timeout', message: 'The request took too long to arrive.' });
      expect(answer.headers['x-content-type-options'], name).toBe('nosniff');
      expect(answer.headers['cache-control'], name).toBe('no-store');
      expect(closedAfterMs, name).toBeLessThan(bounds[name as keyof typeof bounds]);
      figures.push(`${name} ${closedAfterMs} ms`);
    }
    expect(store.calls).toEqual([]);
    console.log(
      `timeouts (headers ${HEADERS_TIMEOUT} ms, request ${REQUEST_TIMEOUT} ms): cut off after ${figures.join(', ')}`,
    );
  });

  it('answers malformed HTTP and oversized headers in the JSON shape, logging none of their bytes', async () => {
    const token = newProofs().access;
    const malformed = `GET /api/secrets/V1StGXR8_Z5jdHi6B-myT/receipt HTTP/1.1\r\nAuthorization: Bearer ${token}\r\nNo colon here\r\n\r\n`;
    const garbage = parse((await trickle(server, malformed)).response);
    expect(garbage.status).toBe(400);
    expect(garbage.body).toEqual({ error: 'invalid_request', message: 'The request is not valid HTTP.' });
    expect(log.text()).toContain('connection refused');
    expect(secretLookingRuns(log.text())).toEqual([]);
    expect(log.text()).not.toContain(token);
    const overflow = parse((await trickle(server, `GET / HTTP/1.1\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`)).response);
    expect(overflow.status).toBe(431);
    expect(overflow.body).toMatchObject({ error: 'headers_too_large' });
  });
});
