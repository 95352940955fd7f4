/**
 * The create guard: with CREATE_AUTH other than none, creating a secret or a request needs
 * a creator some resolver vouches for; everything else stays open to anyone with a link.
 */
import { describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { invalidToken } from '../../server/errors.js';
import { oidcConfig } from '../helpers/oidc-config.js';
import { buildTestApp, testConfig } from '../helpers/server.js';
import { b64, createSecret, fakeEnvelope, newProofs } from '../helpers/proofs.js';
import { createTestRequest, newTestRequest, sealedAnswer } from '../helpers/requests.js';

/** A stand-in way of signing in: the header `x-test-creator` names the creator; "revoked" refuses. */
async function appWithTestResolver(createAuth: 'none' | 'oidc'): Promise<FastifyInstance> {
  const app = await buildTestApp(createAuth === 'oidc' ? oidcConfig() : testConfig({ createAuth }));
  app.addCreatorResolver((request) => {
    const name = request.headers['x-test-creator'];
    if (typeof name !== 'string') return undefined;
    if (name === 'revoked') throw invalidToken();
    return { via: 'token', name };
  });
  return app;
}

const createBody = () => {
  const proofs = newProofs();
  return { ciphertext: b64(fakeEnvelope({ bytes: 1200 })), accessHash: proofs.accessHash, views: 1 };
};

describe('create guard', () => {
  it('refuses an anonymous create of a secret or a request with 401 sign_in_required, in the one error shape', async () => {
    const app = await appWithTestResolver('oidc');
    const secret = await app.inject({ method: 'POST', url: '/api/secrets', payload: createBody() });
    expect(secret.statusCode).toBe(401);
    expect(secret.json()).toEqual({ error: 'sign_in_required', message: expect.stringMatching(/Sign in/) });
    const request = await app.inject({ method: 'POST', url: '/api/requests', payload: (await newTestRequest()).body });
    expect(request.statusCode).toBe(401);
    expect((await app.inject('/api/limits')).json().create).toEqual({ auth: 'oidc', allowed: false, user: null });
  });

  it('lets a vouched-for creator create, and says so in /api/limits', async () => {
    const app = await appWithTestResolver('oidc');
    const headers = { 'x-test-creator': 'ci' };
    const res = await app.inject({ method: 'POST', url: '/api/secrets', payload: createBody(), headers });
    expect(res.statusCode).toBe(201);
    const limits = await app.inject({ url: '/api/limits', headers });
    expect(limits.json().create).toEqual({ auth: 'oidc', allowed: true, user: 'ci' });
  });

  it('answers a resolver that refuses with its refusal, while /api/limits still answers', async () => {
    const app = await appWithTestResolver('none');
    const headers = { 'x-test-creator': 'revoked' };
    const res = await app.inject({ method: 'POST', url: '/api/secrets', payload: createBody(), headers });
    expect(res.statusCode).toBe(401);
    expect(res.json().error).toBe('invalid_token');
    const limits = await app.inject({ url: '/api/limits', headers });
    expect(limits.statusCode).toBe(200);
    expect(limits.json().create).toEqual({ auth: 'none', allowed: true, user: null });
  });

  it('keeps status, reveal, receipt, burn and answering open to anyone', async () => {
    const open = await appWithTestResolver('none');
    const { id, manageToken, proofs } = await createSecret(open);
    const request = await createTestRequest(open);
    // The same store behind a closed app: what was made before creation closed stays readable.
    const closed = await buildTestApp(oidcConfig(), {
      store: open.store,
      requests: open.requests,
    });
    const auth = { authorization: `Bearer ${manageToken}` };
    const answers = await Promise.all([
      closed.inject({ method: 'POST', url: `/api/secrets/${id}/status`, payload: { access: proofs.access } }),
      closed.inject({ method: 'GET', url: `/api/secrets/${id}/receipt`, headers: auth }),
      closed.inject({ method: 'POST', url: `/api/secrets/${id}/reveal`, payload: { access: proofs.access } }),
      closed.inject({
        method: 'POST',
        url: `/api/requests/${request.id}/answer`,
        payload: { access: request.access, ciphertext: await sealedAnswer(request) },
      }),
    ]);
    expect(answers.map((res) => res.statusCode)).toEqual([200, 200, 200, 201]);
    expect((await closed.inject({ method: 'DELETE', url: `/api/secrets/${id}`, headers: auth })).statusCode).toBe(204);
  });
});
