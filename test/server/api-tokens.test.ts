/**
 * API tokens on the server: `Authorization: Bearer blt_…` lets a script create whatever
 * CREATE_AUTH says, and nothing else; an unknown, revoked or broken token is a clear 401.
 */
import { createAuthConfig, oidcConfig } from '../helpers/oidc-config.js';
import { writeFile } from 'node:fs/promises';
import type { FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import { createApiToken, revokeApiToken } from '../../server/auth/token-admin.js';
import { buildApp, type AppOptions } from '../../server/app.js';
import type { Config } from '../../server/config.js';
import { tokensFile } from '../helpers/api-tokens.js';
import { captureLog, secretLookingRuns } from '../helpers/log-capture.js';
import { b64, createSecret, fakeEnvelope, newProofs } from '../helpers/proofs.js';
import { createTestRequest, newTestRequest, sealedAnswer } from '../helpers/requests.js';
import { buildTestApp, testConfig } from '../helpers/server.js';

const secretBody = () => ({ ciphertext: b64(fakeEnvelope({ bytes: 1200 })), accessHash: newProofs().accessHash });
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

async function createWith(app: FastifyInstance, headers: Record<string, string>) {
  const secret = await app.inject({ method: 'POST', url: '/api/secrets', payload: secretBody(), headers });
  const request = await app.inject({
    method: 'POST',
    url: '/api/requests',
    payload: (await newTestRequest()).body,
    headers,
  });
  return { secret, request };
}

async function appWithTokens(
  createAuth: Config['createAuth'],
  options: AppOptions = {},
  overrides: Partial<Config> = {},
) {
  const path = await tokensFile();
  const ci = await createApiToken(path, 'ci');
  const revoked = await createApiToken(path, 'old');
  await revokeApiToken(path, 'old');
  const app = await buildTestApp({ ...createAuthConfig(createAuth), apiTokensFile: path, ...overrides }, options);
  return { app, path, ci, revoked };
}

describe('API tokens', () => {
  it.each(['oidc', 'header', 'none'] as const)(
    'create a secret and a request with CREATE_AUTH=%s, named as the creator in /api/limits',
    async (mode) => {
      const { app, ci } = await appWithTokens(mode);
      const { secret, request } = await createWith(app, bearer(ci));
      expect([secret.statusCode, request.statusCode]).toEqual([201, 201]);
      const limits = await app.inject({ url: '/api/limits', headers: bearer(ci) });
      expect(limits.json().create).toEqual({ auth: mode, allowed: true, user: 'ci' });
    },
  );

  it.each(['oidc', 'none'] as const)(
    'refuse a revoked or unknown token with 401 invalid_token (CREATE_AUTH=%s)',
    async (mode) => {
      const { app, revoked } = await appWithTokens(mode);
      for (const token of [revoked, `blt_${'A'.repeat(43)}`]) {
        const { secret, request } = await createWith(app, bearer(token));
        for (const res of [secret, request]) {
          expect(res.statusCode).toBe(401);
          expect(res.json()).toEqual({
            error: 'invalid_token',
            message: expect.stringMatching(/unknown or has been revoked/),
          });
        }
      }
      const limits = await app.inject({ url: '/api/limits', headers: bearer(revoked) });
      // Open creating stays open to a request with a dead token; only its creates are refused.
      expect(limits.json().create).toEqual({ auth: mode, allowed: mode === 'none', user: null });
    },
  );

  it('refuse a token cut short or with stray characters, and take the scheme in any case', async () => {
    const { app, ci } = await appWithTokens('oidc');
    for (const broken of [ci.slice(0, -1), `${ci}x`, 'blt_', `blt_${ci.slice(4, -1)}!`]) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/secrets',
        payload: secretBody(),
        headers: bearer(broken),
      });
      expect(res.statusCode).toBe(401);
      expect(res.json()).toEqual({
        error: 'invalid_token',
        message: expect.stringMatching(/not a whole burnlink API token/),
      });
    }
    const lower = await app.inject({
      method: 'POST',
      url: '/api/secrets',
      payload: secretBody(),
      headers: { authorization: `bearer ${ci}` },
    });
    expect(lower.statusCode).toBe(201);
  });

  it('leave a Bearer value that is not an API token to the other ways of signing in', async () => {
    const { app } = await appWithTokens('oidc');
    const proxyToken = bearer('eyJhbGciOiJSUzI1NiJ9.e30.c2lnbmF0dXJl');
    const closed = await app.inject({
      method: 'POST',
      url: '/api/secrets',
      payload: secretBody(),
      headers: proxyToken,
    });
    expect(closed.json().error).toBe('sign_in_required');
    const { app: open } = await appWithTokens('none');
    const basic = { authorization: 'Basic dXNlcjpwYXNz' };
    for (const headers of [proxyToken, basic]) {
      const res = await open.inject({ method: 'POST', url: '/api/secrets', payload: secretBody(), headers });
      expect(res.statusCode).toBe(201);
    }
  });

  it('are refused on a server without API_TOKENS_FILE', async () => {
    const path = await tokensFile();
    const ci = await createApiToken(path, 'ci');
    const app = await buildTestApp({ createAuth: 'none' });
    const res = await app.inject({ method: 'POST', url: '/api/secrets', payload: secretBody(), headers: bearer(ci) });
    expect(res.statusCode).toBe(401);
    expect(res.json().error).toBe('invalid_token');
  });

  it('only create: the receipt and burn take their manage token, and an API token there is no manage token', async () => {
    const { app, ci, revoked } = await appWithTokens('oidc');
    const created = await app.inject({
      method: 'POST',
      url: '/api/secrets',
      payload: secretBody(),
      headers: bearer(ci),
    });
    const { id, manageToken } = created.json<{ id: string; manageToken: string }>();
    for (const token of [ci, revoked]) {
      const receipt = await app.inject({ url: `/api/secrets/${id}/receipt`, headers: bearer(token) });
      expect(receipt.statusCode).toBe(400);
      expect(receipt.json().error).toBe('invalid_request');
      const burn = await app.inject({ method: 'DELETE', url: `/api/secrets/${id}`, headers: bearer(token) });
      expect(burn.statusCode).toBe(400);
    }
    expect((await app.inject({ url: `/api/secrets/${id}/receipt`, headers: bearer(manageToken) })).statusCode).toBe(
      200,
    );
    expect(
      (await app.inject({ method: 'DELETE', url: `/api/secrets/${id}`, headers: bearer(manageToken) })).statusCode,
    ).toBe(204);
  });

  it('are never asked for when reading or answering, even a revoked one', async () => {
    const { app: open } = await appWithTokens('none');
    const { id, proofs } = await createSecret(open);
    const request = await createTestRequest(open);
    const { app, revoked } = await appWithTokens('oidc', { store: open.store, requests: open.requests });
    const headers = bearer(revoked);
    const answers = await Promise.all([
      app.inject({ method: 'POST', url: `/api/secrets/${id}/status`, payload: { access: proofs.access }, headers }),
      app.inject({
        method: 'POST',
        url: `/api/requests/${request.id}/answer`,
        payload: { access: request.access, ciphertext: await sealedAnswer(request) },
        headers,
      }),
      app.inject({ method: 'POST', url: `/api/secrets/${id}/reveal`, payload: { access: proofs.access }, headers }),
    ]);
    expect(answers.map((res) => res.statusCode)).toEqual([200, 201, 200]);
  });

  it('pick up a token created and one revoked while the server runs', async () => {
    const path = await tokensFile();
    const app = await buildTestApp({ ...oidcConfig(), apiTokensFile: path });
    const ci = await createApiToken(path, 'ci');
    const createStatus = async () =>
      (await app.inject({ method: 'POST', url: '/api/secrets', payload: secretBody(), headers: bearer(ci) }))
        .statusCode;
    // The registry looks at the file again at most once a second: wait for that, not for a fixed time.
    await expect.poll(createStatus, { timeout: 5000, interval: 200 }).toBe(201);
    await revokeApiToken(path, 'ci');
    await expect.poll(createStatus, { timeout: 5000, interval: 200 }).toBe(401);
  });

  it('stop the start-up when the file is damaged, naming the file', async () => {
    const path = await tokensFile();
    await writeFile(path, '{"version":1,"tokens":[{"name":"ci"}]}');
    await expect(buildApp(testConfig({ apiTokensFile: path }))).rejects.toThrow(
      `${path}: token 1 is not a valid entry.`,
    );
  });

  it('never reach the log, good, revoked or broken', async () => {
    const log = captureLog();
    const { app, ci, revoked } = await appWithTokens('oidc', { logStream: log.stream }, { logLevel: 'trace' });
    for (const token of [ci, revoked, ci.slice(0, -2)]) await createWith(app, bearer(token));
    await app.inject({ url: '/api/limits', headers: bearer(ci) });
    const text = log.text();
    expect(log.entries().length).toBeGreaterThan(5);
    for (const token of [ci, revoked]) {
      expect(text).not.toContain(token.slice(4, 24));
    }
    expect(secretLookingRuns(text)).toEqual([]);
  });

  it('are the create routes’ security scheme in the OpenAPI document, with their 401 refusals', async () => {
    const { app } = await appWithTokens('none');
    const document = (await app.inject('/api/openapi.json')).json();
    expect(document.components.securitySchemes.apiToken).toMatchObject({ type: 'http', scheme: 'bearer' });
    for (const path of ['/api/secrets', '/api/requests']) {
      const operation = document.paths[path].post;
      expect(operation.security).toEqual([{}, { apiToken: [] }]);
      expect(operation.responses['401'].content['application/json'].schema.properties.error.enum).toEqual([
        'sign_in_required',
        'invalid_token',
      ]);
    }
  });
});
