/**
 * CREATE_AUTH=oidc against a real OpenID provider on 127.0.0.1: a sign-in through it
 * (as a browser would: its redirects, its login form, the cookies) opens creating; a
 * wrong state, a missing or tampered login cookie, a tampered or expired session, and a
 * user outside the allowed domains or groups are each refused in the one error shape.
 */
import { sign } from '@fastify/cookie';
import type { FastifyInstance } from 'fastify';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Config } from '../../server/config.js';
import {
  oidcConfig as baseConfig,
  TEST_CLIENT_ID,
  TEST_SESSION_SECRET as SESSION_SECRET,
} from '../helpers/oidc-config.js';
import { startTestProvider, type TestProvider } from '../helpers/oidc-provider.js';
import { b64, fakeEnvelope, newProofs } from '../helpers/proofs.js';
import { buildTestApp } from '../helpers/server.js';

/** Never listened on: the provider only sends the test's "browser" there, and the test carries it to inject. */
const PUBLIC_URL = 'http://127.0.0.1:9';
const COOKIE = { login: 'burnlink-login', session: 'burnlink-session' };

let provider: TestProvider;
beforeAll(async () => {
  provider = await startTestProvider(`${PUBLIC_URL}/auth/callback`, {
    'anna@example.com': { groups: ['staff'] },
    'otto@example.com': { groups: ['visitors'] },
    'eve@example.com': { emailVerified: false },
  });
});
afterAll(() => provider.close());

function oidcConfig(overrides: Partial<Config> = {}): Partial<Config> {
  return baseConfig({ oidcIssuer: provider.issuer, publicUrl: PUBLIC_URL, ...overrides });
}

/** The cookies a response sets, by name: their value and attributes. */
function setCookies(res: LightMyRequestResponse) {
  return Object.fromEntries(res.cookies.map((cookie) => [cookie.name, cookie]));
}

/** A browser's cookie jar for the provider, and its redirects followed by hand. */
class ProviderBrowser {
  readonly #jar = new Map<string, string>();

  async fetch(url: string, init: RequestInit = {}): Promise<Response> {
    const cookie = [...this.#jar].map(([name, value]) => `${name}=${value}`).join('; ');
    const res = await fetch(url, { ...init, redirect: 'manual', headers: { ...init.headers, cookie } });
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const [name, value] = pair!.split('=') as [string, string];
      if (/expires=Thu, 01 Jan 1970/i.test(line)) this.#jar.delete(name);
      else this.#jar.set(name, value);
    }
    return res;
  }

  /** Follows the provider's redirects from `url` until they leave it, signing in as `email` on its login page. */
  async signIn(url: string, email: string): Promise<URL> {
    let next = new URL(url);
    for (let hop = 0; hop < 10 && next.origin === provider.issuer; hop++) {
      const res = next.pathname.startsWith('/interaction/')
        ? await this.fetch(next.href, {
            method: 'POST',
            headers: { 'content-type': 'application/x-www-form-urlencoded' },
            body: new URLSearchParams({ email }).toString(),
          })
        : await this.fetch(next.href);
      expect(res.status, await res.clone().text()).toBeGreaterThanOrEqual(300);
      next = new URL(res.headers.get('location')!, next);
    }
    return next;
  }
}

/** Signs in as `email` from /auth/login to the callback's answer; returns that answer and the login cookie. */
async function signIn(app: FastifyInstance, email: string, login = '/auth/login') {
  const start = await app.inject(login);
  expect(start.statusCode).toBe(303);
  const loginCookie = setCookies(start)[COOKIE.login]!.value;
  const callback = await new ProviderBrowser().signIn(start.headers.location as string, email);
  expect(callback.origin).toBe(PUBLIC_URL);
  const answer = (url = callback.pathname + callback.search, cookies: Record<string, string> = {}, headers = {}) =>
    app.inject({ url, cookies: { [COOKIE.login]: loginCookie, ...cookies }, headers });
  return { callback, loginCookie, answer };
}

const createBody = () => ({
  ciphertext: b64(fakeEnvelope({ bytes: 1200 })),
  accessHash: newProofs().accessHash,
  views: 1,
});

const createWith = (app: FastifyInstance, session: string) =>
  app.inject({ method: 'POST', url: '/api/secrets', payload: createBody(), cookies: { [COOKIE.session]: session } });

describe('sign-in through the OpenID provider', () => {
  it('signs an allowed user in: a session cookie that opens creating, and back to where they started', async () => {
    const app = await buildTestApp(oidcConfig());
    const { answer } = await signIn(app, 'anna@example.com', '/auth/login?return=/request');
    const res = await answer();
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/request');
    const cookies = setCookies(res);
    // The login cookie is used up; the session cookie holds the user, signed.
    expect(cookies[COOKIE.login]).toMatchObject({ value: '', maxAge: 0 });
    const session = cookies[COOKIE.session]!;
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/', maxAge: 8 * 3600 });
    expect(session.secure).toBeUndefined();

    const limits = await app.inject({ url: '/api/limits', cookies: { [COOKIE.session]: session.value } });
    expect(limits.json().create).toEqual({ auth: 'oidc', allowed: true, user: 'anna@example.com' });
    expect((await createWith(app, session.value)).statusCode).toBe(201);
    const anonymous = await app.inject({ method: 'POST', url: '/api/secrets', payload: createBody() });
    expect(anonymous.json()).toMatchObject({ error: 'sign_in_required' });
  });

  it('sends the browser to the provider with PKCE, state and nonce, in a short-lived signed HttpOnly cookie', async () => {
    const app = await buildTestApp(oidcConfig());
    const res = await app.inject('/auth/login');
    const url = new URL(res.headers.location as string);
    expect(url.origin).toBe(provider.issuer);
    expect(Object.fromEntries(url.searchParams)).toMatchObject({
      client_id: TEST_CLIENT_ID,
      redirect_uri: `${PUBLIC_URL}/auth/callback`,
      response_type: 'code',
      code_challenge_method: 'S256',
      scope: 'openid email profile',
    });
    for (const param of ['state', 'nonce', 'code_challenge']) expect(url.searchParams.get(param)).toMatch(/^\S{22,}$/);
    expect(setCookies(res)[COOKIE.login]).toMatchObject({ httpOnly: true, sameSite: 'Lax', maxAge: 600 });
    // The verifier never leaves in the URL.
    expect(res.headers.location).not.toContain('code_verifier');
  });

  it('names its cookies __Host- and marks them Secure when the site is https', async () => {
    const app = await buildTestApp(oidcConfig({ publicUrl: 'https://secrets.example.com' }));
    const res = await app.inject('/auth/login');
    expect(setCookies(res)['__Host-burnlink-login']).toMatchObject({ secure: true, path: '/', httpOnly: true });
  });

  it('refuses a callback with a wrong state, without a login cookie, or with a tampered one', async () => {
    const app = await buildTestApp(oidcConfig());
    const { callback, loginCookie, answer } = await signIn(app, 'anna@example.com');
    const wrongState = new URLSearchParams(callback.search);
    wrongState.set('state', 'x'.repeat(43));
    const tampered = loginCookie.replace(/.(?=\.)/, (c) => (c === 'A' ? 'B' : 'A'));
    const answers = [
      await answer(`/auth/callback?${wrongState}`),
      await app.inject(callback.pathname + callback.search),
      await answer(undefined, { [COOKIE.login]: tampered }),
    ];
    for (const res of answers) {
      expect(res.statusCode).toBe(401);
      expect(res.json()).toEqual({ error: 'sign_in_required', message: expect.stringMatching(/Sign in again/) });
      expect(setCookies(res)[COOKIE.session]).toBeUndefined();
    }
    // A browser that navigated there is taken to the home page, which says what happened.
    const navigation = await answer(`/auth/callback?${wrongState}`, {}, { 'sec-fetch-mode': 'navigate' });
    expect(navigation.statusCode).toBe(303);
    expect(navigation.headers.location).toBe('/?signin=failed');
  });

  it('takes a code only once', async () => {
    const app = await buildTestApp(oidcConfig());
    const { answer } = await signIn(app, 'anna@example.com');
    expect((await answer()).statusCode).toBe(303);
    const again = await answer();
    expect(again.statusCode).toBe(401);
    expect(again.json().error).toBe('sign_in_required');
  });

  it('refuses users outside the allowed domains or groups, and unverified addresses, with 403 not_allowed', async () => {
    const byDomain = await buildTestApp(oidcConfig({ oidcAllowedDomains: 'example.org' }));
    const byGroup = await buildTestApp(oidcConfig({ oidcAllowedDomains: undefined, oidcAllowedGroups: 'staff' }));
    const cases: [FastifyInstance, string][] = [
      [byDomain, 'anna@example.com'],
      [byGroup, 'otto@example.com'],
      [await buildTestApp(oidcConfig()), 'eve@example.com'],
    ];
    for (const [app, email] of cases) {
      const res = await (await signIn(app, email)).answer();
      expect(res.statusCode, email).toBe(403);
      expect(res.json()).toEqual({ error: 'not_allowed', message: expect.stringMatching(/not as someone who may/) });
      expect(setCookies(res)[COOKIE.session]).toBeUndefined();
    }
    const navigation = await (
      await signIn(byDomain, 'anna@example.com')
    ).answer(undefined, {}, { accept: 'text/html' });
    expect(navigation.headers.location).toBe('/?signin=denied');
    // The group's member is let in.
    const member = await (await signIn(byGroup, 'anna@example.com')).answer();
    expect(member.statusCode).toBe(303);
  });

  it('refuses a tampered or expired session with 401 sign_in_required, and says so in /api/limits', async () => {
    const app = await buildTestApp(oidcConfig());
    const session = setCookies(await (await signIn(app, 'anna@example.com')).answer())[COOKIE.session]!.value;
    const payload = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const bad = {
      tampered: session.replace(/^./, (c) => (c === 'e' ? 'f' : 'e')),
      forged: `${payload({ user: 'mallory@example.com', expiresAt: Date.now() + 3_600_000 })}.${'A'.repeat(43)}`,
      expired: sign(payload({ user: 'anna@example.com', expiresAt: Date.now() - 1000 }), SESSION_SECRET),
      otherSecret: sign(payload({ user: 'anna@example.com', expiresAt: Date.now() + 3_600_000 }), 'x'.repeat(40)),
    };
    for (const [what, cookie] of Object.entries(bad)) {
      const res = await createWith(app, cookie);
      expect(res.statusCode, what).toBe(401);
      expect(res.json(), what).toEqual({ error: 'sign_in_required', message: expect.stringMatching(/expired/) });
      const limits = await app.inject({ url: '/api/limits', cookies: { [COOKIE.session]: cookie } });
      expect(limits.json().create, what).toEqual({ auth: 'oidc', allowed: false, user: null });
    }
    // The same secret, a future expiry: the signature is the only thing that makes a session.
    const good = sign(payload({ user: 'anna@example.com', expiresAt: Date.now() + 60_000 }), SESSION_SECRET);
    expect((await createWith(app, good)).statusCode).toBe(201);
  });

  it('signs out: the session cookie is removed; a form from another site may not', async () => {
    const app = await buildTestApp(oidcConfig());
    const session = setCookies(await (await signIn(app, 'anna@example.com')).answer())[COOKIE.session]!.value;
    const cookies = { [COOKIE.session]: session };
    const fromElsewhere = await app.inject({
      method: 'POST',
      url: '/auth/logout',
      cookies,
      headers: { origin: 'https://evil.example' },
    });
    expect(fromElsewhere.statusCode).toBe(403);
    expect(fromElsewhere.json().error).toBe('not_allowed');
    const crossSite = await app.inject({
      method: 'POST',
      url: '/auth/logout',
      cookies,
      headers: { 'sec-fetch-site': 'cross-site', origin: 'null' },
    });
    expect(crossSite.statusCode).toBe(403);
    const api = await app.inject({ method: 'POST', url: '/auth/logout', cookies, headers: { origin: PUBLIC_URL } });
    expect(api.statusCode).toBe(204);
    expect(setCookies(api)[COOKIE.session]).toMatchObject({ value: '', maxAge: 0 });
    const form = await app.inject({
      method: 'POST',
      url: '/auth/logout',
      cookies,
      headers: {
        accept: 'text/html',
        'content-type': 'application/x-www-form-urlencoded',
        'sec-fetch-site': 'same-origin',
        origin: 'null',
      },
      payload: '',
    });
    expect(form.statusCode).toBe(303);
    expect(form.headers.location).toBe('/');
  });

  it('takes only a path on this site to return to', async () => {
    const app = await buildTestApp(oidcConfig());
    for (const evil of ['//evil.example', '/\\evil.example', 'https://evil.example/', '/request?x=1', '/a/../..']) {
      const res = await app.inject({ url: '/auth/login', query: { return: evil } });
      expect(res.statusCode, evil).toBe(400);
      expect(res.json().error).toBe('invalid_request');
    }
  });

  it('answers 503 provider_unavailable while the provider cannot be reached', async () => {
    const app = await buildTestApp(oidcConfig({ oidcIssuer: 'http://127.0.0.1:9' }));
    const res = await app.inject('/auth/login');
    expect(res.statusCode).toBe(503);
    expect(res.json()).toEqual({ error: 'provider_unavailable', message: expect.stringMatching(/provider/) });
    const navigation = await app.inject({ url: '/auth/login', headers: { 'sec-fetch-mode': 'navigate' } });
    expect(navigation.headers.location).toBe('/?signin=unavailable');
  });

  it('limits sign-ins per client, login and callback on one budget, before the provider is asked', async () => {
    const app = await buildTestApp(oidcConfig({ rateLimitSignIn: 3, trustProxy: 'loopback' }));
    const from = (address: string) => ({ 'x-forwarded-for': address });
    // One whole sign-in is two requests: a login and its callback.
    const { answer } = await signIn(app, 'anna@example.com');
    expect((await answer(undefined, {}, from('127.0.0.1'))).statusCode).toBe(303);
    const third = await app.inject('/auth/login');
    expect(third.statusCode).toBe(303);
    for (const url of ['/auth/login', '/auth/callback?code=x&state=y']) {
      for (const headers of [{}, { 'sec-fetch-mode': 'navigate' }]) {
        const refused = await app.inject({ url, headers });
        expect(refused.statusCode, url).toBe(429);
        expect(refused.json()).toEqual({
          error: 'rate_limited',
          message: expect.stringMatching(/^Too many requests from your address: try again in \d+ seconds\.$/),
        });
        expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
        expect(refused.cookies).toEqual([]);
      }
    }
    // Another client has its own budget.
    expect((await app.inject({ url: '/auth/login', headers: from('203.0.113.9') })).statusCode).toBe(303);
  });

  it('keeps the limit while the provider cannot be reached, so each refusal does not ask it again', async () => {
    const app = await buildTestApp(oidcConfig({ oidcIssuer: 'http://127.0.0.1:9', rateLimitSignIn: 2 }));
    const codes = [];
    for (let i = 0; i < 4; i++) codes.push((await app.inject('/auth/login')).statusCode);
    expect(codes).toEqual([503, 503, 429, 429]);
  });

  it('has no sign-in limit with RATE_LIMIT_SIGN_IN=0', async () => {
    const app = await buildTestApp(oidcConfig({ rateLimitSignIn: 0 }));
    const codes = new Set<number>();
    for (let i = 0; i < 40; i++) codes.add((await app.inject('/auth/login')).statusCode);
    expect([...codes]).toEqual([303]);
  });

  it('has no sign-in routes unless CREATE_AUTH is oidc', async () => {
    const app = await buildTestApp();
    expect((await app.inject('/auth/login')).statusCode).toBe(404);
  });
});
