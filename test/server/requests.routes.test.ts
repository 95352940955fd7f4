/**
 * /api/requests through `inject` (DESIGN §5a): a request is read and answered with
 * the request link's proof, its inbox read and its answer revealed once with the inbox
 * proof; one 404 for everything an id-holder must not learn. Real keys and envelopes
 * from the client library, on the memory store with a clock the test controls.
 */
import type { FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import { decodeBase64Url, encodeBase64Url as b64 } from '../../web/src/lib/base64url.js';
import { openRequest } from '../../web/src/lib/request.js';
import { openSealed } from '../../web/src/lib/sealed.js';
import { MemoryBudget } from '../../server/store/memory-budget.js';
import { MemoryRequestStore } from '../../server/store/memory-requests.js';
import { fakeEnvelope } from '../helpers/proofs.js';
import { createTestRequest, sealedAnswer } from '../helpers/requests.js';
import { buildTestApp } from '../helpers/server.js';
import { jsonOf } from '../helpers/json.js';

async function appWithClock(overrides = {}) {
  let now = Date.UTC(2026, 0, 1);
  const requests = new MemoryRequestStore({
    limits: { maxAttempts: 3, receiptRetentionSeconds: 3600 },
    budget: new MemoryBudget(1 << 22),
    now: () => now,
  });
  const app = await buildTestApp({ minExpiresIn: 60, ...overrides }, { requests });
  return { app, advance: (ms: number) => (now += ms) };
}

const post = (app: FastifyInstance, url: string, payload: Record<string, unknown>) =>
  app.inject({ method: 'POST', url, payload });
const status = (app: FastifyInstance, id: string, access: string) =>
  post(app, `/api/requests/${id}/status`, { access });
const answer = (app: FastifyInstance, id: string, access: string, ciphertext: string) =>
  post(app, `/api/requests/${id}/answer`, { access, ciphertext });
const inbox = (app: FastifyInstance, id: string, access: string) => post(app, `/api/requests/${id}/inbox`, { access });
const reveal = (app: FastifyInstance, id: string, access: string) =>
  post(app, `/api/requests/${id}/reveal`, { access });

describe('a request for a secret', () => {
  it('goes open → answered → read, the note and key reaching the responder intact and the answer the requester', async () => {
    const { app } = await appWithClock();
    const note = 'Bitte die Kartennummer für Rechnung 2291 🙏';
    const request = await createTestRequest(app, { expiresIn: 3600 }, note);

    const open = await status(app, request.id, request.access);
    expect(open.headers['cache-control']).toBe('no-store');
    const seen = jsonOf(open, 'getRequestStatus', 200);
    expect(seen).toMatchObject({ state: 'open', expiresAt: request.expiresAt });
    const content = await openRequest(decodeBase64Url(seen.ciphertext!), request.request);
    expect(content.note).toBe(note);
    expect(b64(content.publicKey)).toBe(b64(request.inbox.publicKey));

    const inboxOpen = await inbox(app, request.id, request.proof);
    expect(inboxOpen.json()).toMatchObject({ state: 'open', answeredAt: null, readAt: null });
    expect((await reveal(app, request.id, request.proof)).json()).toMatchObject({ error: 'not_answered' });
    expect((await reveal(app, request.id, request.proof)).statusCode).toBe(409);

    const secret = {
      text: '4111 1111 1111 1111',
      files: [{ name: 'scan.pdf', type: 'application/pdf', bytes: new Uint8Array([1, 2, 3]) }],
    };
    const answered = await answer(app, request.id, request.access, await sealedAnswer(request, secret));
    expect(answered.statusCode, answered.body).toBe(201);
    const again = await answer(app, request.id, request.access, await sealedAnswer(request));
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ error: 'already_answered' });
    expect((await status(app, request.id, request.access)).json()).toEqual({
      state: 'answered',
      expiresAt: jsonOf(answered, 'answerRequest', 201).expiresAt,
    });
    expect((await inbox(app, request.id, request.proof)).json()).toMatchObject({ state: 'answered', readAt: null });

    const revealed = jsonOf(await reveal(app, request.id, request.proof), 'revealAnswer', 200);
    const opened = await openSealed(decodeBase64Url(revealed.ciphertext), request.inbox);
    expect(opened.text).toBe(secret.text);
    expect(opened.files.map((f) => f.name)).toEqual(['scan.pdf']);

    expect((await reveal(app, request.id, request.proof)).statusCode).toBe(404);
    const read = (await inbox(app, request.id, request.proof)).json();
    expect(read).toMatchObject({ state: 'read' });
    expect(read).not.toHaveProperty('ciphertext');
    expect((await status(app, request.id, request.access)).json()).toMatchObject({ state: 'answered' });
  });

  it('answers one identical 404 for an unknown id, a wrong proof, an expired request and an answer already read', async () => {
    const { app, advance } = await appWithClock();
    const unknown = 'A'.repeat(21);
    const request = await createTestRequest(app, { expiresIn: 60 });
    const read = await createTestRequest(app);
    await answer(app, read.id, read.access, await sealedAnswer(read));
    await reveal(app, read.id, read.proof);
    const expired = await createTestRequest(app, { expiresIn: 60 });
    advance(61_000);

    const refusals = [
      await status(app, unknown, request.access),
      await status(app, request.id, request.proof),
      await status(app, expired.id, expired.access),
      await answer(app, expired.id, expired.access, await sealedAnswer(expired)),
      await answer(app, request.id, request.proof, await sealedAnswer(request)),
      await inbox(app, unknown, request.proof),
      await inbox(app, read.id, read.access),
      await reveal(app, read.id, read.proof),
      await reveal(app, expired.id, expired.proof),
      await reveal(app, request.id, request.access),
    ];
    for (const res of refusals) {
      expect(res.statusCode).toBe(404);
      expect(res.body).toBe(refusals[0]!.body);
    }
    expect((await inbox(app, expired.id, expired.proof)).json()).toMatchObject({ state: 'expired' });
  });

  it('refuses envelopes no client makes: the wrong kind, a bad shape, a request note too long', async () => {
    const { app } = await appWithClock();
    const request = await createTestRequest(app);
    const secretEnvelope = b64(fakeEnvelope());
    const created = await post(app, '/api/requests', {
      ...(await createTestRequest(app)).body,
      ciphertext: secretEnvelope,
    });
    expect(created.statusCode).toBe(400);
    expect(created.json()).toMatchObject({ error: 'invalid_envelope' });

    const asAnswer = await answer(app, request.id, request.access, request.body.ciphertext);
    expect(asAnswer.json()).toMatchObject({ error: 'invalid_envelope' });
    const huge = b64(Buffer.concat([Buffer.of(2, 0), Buffer.alloc(12 + 4096 + 16)]));
    const tooBig = await post(app, '/api/requests', { ...request.body, ciphertext: huge });
    expect(tooBig.statusCode).toBe(413);
    // Nothing was stored by any of them: the request is still open.
    expect((await status(app, request.id, request.access)).json()).toMatchObject({ state: 'open' });
  });

  it('refuses an alert address when the server sends no email, and malformed addresses always', async () => {
    const { app } = await appWithClock();
    const limits = (await app.inject({ method: 'GET', url: '/api/limits' })).json();
    expect(limits).toMatchObject({ alerts: false });
    const request = await createTestRequest(app);
    const refused = await post(app, '/api/requests', {
      ...request.body,
      alert: { email: 'asker@example.test', language: 'de' },
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({ error: 'alerts_unavailable' });
    const malformed = await post(app, '/api/requests', {
      ...request.body,
      alert: { email: 'asker@example.test\r\nBcc: x@evil.test', language: 'de' },
    });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json()).toMatchObject({ error: 'invalid_request' });
  });

  it('gives one answer of 50 concurrent ones, and the answer to one of 50 concurrent reveals', async () => {
    const { app } = await appWithClock();
    const request = await createTestRequest(app);
    const answers = await Promise.all(
      Array.from({ length: 50 }, async () => answer(app, request.id, request.access, await sealedAnswer(request))),
    );
    expect(answers.filter((res) => res.statusCode === 201)).toHaveLength(1);
    expect(answers.filter((res) => res.statusCode === 409)).toHaveLength(49);
    const reveals = await Promise.all(Array.from({ length: 50 }, () => reveal(app, request.id, request.proof)));
    expect(reveals.filter((res) => res.statusCode === 200)).toHaveLength(1);
    expect(reveals.filter((res) => res.statusCode === 404)).toHaveLength(49);
  });
});
