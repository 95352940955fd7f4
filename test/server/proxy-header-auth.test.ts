/**
 * CREATE_AUTH=header: the identity header is believed only when the connection itself
 * comes from an address in TRUST_PROXY (what X-Forwarded-For says counts for nothing);
 * from anywhere else it is refused with 403 not_allowed, and without it creating needs
 * sign-in. Over real sockets on 127.0.0.1 and through inject's remoteAddress.
 */
import { describe, expect, it, onTestFinished } from 'vitest';
import type { Config } from '../../server/config.js';
import { b64, fakeEnvelope, newProofs } from '../helpers/proofs.js';
import { buildTestApp, startServer } from '../helpers/server.js';

const createBody = () => ({
  ciphertext: b64(fakeEnvelope({ bytes: 1200 })),
  accessHash: newProofs().accessHash,
  views: 1,
});

function headerConfig(overrides: Partial<Config> = {}): Partial<Config> {
  return { createAuth: 'header', trustProxy: '10.0.0.0/8, 192.0.2.7', ...overrides };
}

async function create(url: string, headers: Record<string, string> = {}) {
  const res = await fetch(`${url}/api/secrets`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(createBody()),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

describe('the identity header of a trusted proxy', () => {
  it('lets a request from the trusted proxy create as the user it names (over a real socket)', async () => {
    const server = await startServer(headerConfig({ trustProxy: '127.0.0.1' }));
    onTestFinished(() => server.close());
    const res = await create(server.url, { 'x-forwarded-email': 'anna@example.com' });
    expect(res.status).toBe(201);
    const limits = await fetch(`${server.url}/api/limits`, { headers: { 'x-forwarded-email': 'anna@example.com' } });
    expect(((await limits.json()) as { create: unknown }).create).toEqual({
      auth: 'header',
      allowed: true,
      user: 'anna@example.com',
    });
  });

  it('refuses the header from an address not in TRUST_PROXY with 403 not_allowed (over a real socket)', async () => {
    const server = await startServer(headerConfig());
    onTestFinished(() => server.close());
    // X-Forwarded-For naming a trusted proxy changes nothing: the connection is from 127.0.0.1.
    const forged = await create(server.url, { 'x-forwarded-email': 'boss@example.com', 'x-forwarded-for': '10.0.0.1' });
    expect(forged).toEqual({
      status: 403,
      body: { error: 'not_allowed', message: expect.stringMatching(/only from its sign-in proxy/) },
    });
    const limits = await fetch(`${server.url}/api/limits`, { headers: { 'x-forwarded-email': 'boss@example.com' } });
    expect(((await limits.json()) as { create: unknown }).create).toEqual({
      auth: 'header',
      allowed: false,
      user: null,
    });
    const anonymous = await create(server.url);
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.error).toBe('sign_in_required');
  });

  it('checks the peer against addresses and ranges, IPv4-mapped IPv6 included', async () => {
    const app = await buildTestApp(headerConfig());
    const from = (remoteAddress: string, headers: Record<string, string> = { 'x-forwarded-user': 'anna' }) =>
      app.inject({ method: 'POST', url: '/api/secrets', payload: createBody(), remoteAddress, headers });
    expect((await from('10.20.30.40')).statusCode).toBe(201);
    expect((await from('::ffff:192.0.2.7')).statusCode).toBe(201);
    expect((await from('192.0.2.8')).statusCode).toBe(403);
    expect((await from('11.0.0.1')).statusCode).toBe(403);
    // No header: not a forgery, just nobody signed in.
    expect((await from('11.0.0.1', {})).statusCode).toBe(401);
  });

  it('takes the first header of AUTH_HEADER that is present', async () => {
    const app = await buildTestApp(headerConfig({ authHeader: 'X-Auth-Request-Email, X-Auth-Request-User' }));
    const limits = (headers: Record<string, string>) =>
      app.inject({ url: '/api/limits', remoteAddress: '10.0.0.1', headers }).then((res) => res.json().create.user);
    expect(await limits({ 'x-auth-request-user': 'anna', 'x-auth-request-email': 'anna@example.com' })).toBe(
      'anna@example.com',
    );
    expect(await limits({ 'x-auth-request-user': 'anna', 'x-auth-request-email': '' })).toBe('anna');
    // The default names mean nothing once AUTH_HEADER names others.
    expect(await limits({ 'x-forwarded-email': 'anna@example.com' })).toBeNull();
  });

  it('refuses a header sent twice, too long, or holding control characters, with 400 invalid_request', async () => {
    const app = await buildTestApp(headerConfig());
    const bad = [
      ['x-forwarded-email', 'anna@example.com', 'x-forwarded-email', 'boss@example.com'],
      ['x-forwarded-email', `${'a'.repeat(300)}@example.com`],
      ['x-forwarded-email', 'anna\u0001@example.com'],
      ['x-forwarded-email', 'anna\u0085@example.com'],
    ];
    for (const rawHeaders of bad) {
      const headers: Record<string, string | string[]> = {};
      for (let i = 0; i < rawHeaders.length; i += 2) {
        const name = rawHeaders[i]!;
        headers[name] =
          headers[name] === undefined ? rawHeaders[i + 1]! : [headers[name] as string, rawHeaders[i + 1]!];
      }
      const res = await app.inject({
        method: 'POST',
        url: '/api/secrets',
        payload: createBody(),
        remoteAddress: '10.0.0.1',
        headers,
      });
      expect(res.statusCode, JSON.stringify(rawHeaders)).toBe(400);
      expect(res.json()).toEqual({ error: 'invalid_request', message: expect.stringMatching(/x-forwarded-email/) });
    }
  });

  it('answers /api/limits to anyone, saying that creating needs the proxy’s sign-in', async () => {
    const app = await buildTestApp(headerConfig());
    const res = await app.inject({ url: '/api/limits', remoteAddress: '11.0.0.1' });
    expect(res.statusCode).toBe(200);
    expect(res.json().create).toEqual({ auth: 'header', allowed: false, user: null });
  });
});
