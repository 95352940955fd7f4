/**
 * The HTTP API of DESIGN §3 through `inject`, against the memory store with a clock
 * the test controls. The same flows over a socket and against Redis are in
 * secrets.socket.test.ts.
 */
import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import { MemoryStore } from '../../server/store/memory.js';
import { b64, fakeEnvelope, newProofs } from '../helpers/proofs.js';
import { buildTestApp } from '../helpers/server.js';
import { jsonOf } from '../helpers/json.js';

async function appWithClock(overrides = {}) {
  let now = Date.UTC(2026, 0, 1);
  const store = new MemoryStore({
    limits: { maxAttempts: 3, receiptRetentionSeconds: 3600 },
    maxBytes: 1 << 20,
    now: () => now,
  });
  const app = await buildTestApp({ maxPassphraseAttempts: 3, maxSecretBytes: 4096, ...overrides }, { store });
  return { app, advance: (ms: number) => (now += ms) };
}

async function create(app: FastifyInstance, body: Record<string, unknown>) {
  return jsonOf(await app.inject({ method: 'POST', url: '/api/secrets', payload: body }), 'createSecret', 201);
}

const reveal = (app: FastifyInstance, id: string, body: Record<string, unknown>) =>
  app.inject({ method: 'POST', url: `/api/secrets/${id}/reveal`, payload: body });
const status = (app: FastifyInstance, id: string, access: string) =>
  app.inject({ method: 'POST', url: `/api/secrets/${id}/status`, payload: { access } });
const receipt = (app: FastifyInstance, id: string, token: string) =>
  app.inject({ method: 'GET', url: `/api/secrets/${id}/receipt`, headers: { authorization: `Bearer ${token}` } });
const burn = (app: FastifyInstance, id: string, token: string) =>
  app.inject({ method: 'DELETE', url: `/api/secrets/${id}`, headers: { authorization: `Bearer ${token}` } });

const ciphertext = b64(fakeEnvelope());
const passphraseCiphertext = b64(fakeEnvelope({ passphrase: true }));

describe('the secret lifecycle', () => {
  it('creates, shows status without burning, reveals once, then answers 404', async () => {
    const { app } = await appWithClock();
    const p = newProofs();
    const created = await create(app, { ciphertext, accessHash: p.accessHash, expiresIn: 3600, views: 1 });
    expect(created.id).toMatch(/^[A-Za-z0-9_-]{21}$/);
    expect(created.manageToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(created.expiresAt).toBe(Date.UTC(2026, 0, 1) + 3600_000);

    for (let i = 0; i < 3; i++) {
      const look = await status(app, created.id, p.access);
      expect(look.statusCode).toBe(200);
      expect(look.json()).toEqual({ expiresAt: created.expiresAt, viewsLeft: 1, passphrase: false, attemptsLeft: 3 });
    }
    const first = await reveal(app, created.id, { access: p.access });
    expect(first.statusCode).toBe(200);
    expect(first.headers['cache-control']).toBe('no-store');
    expect(first.json()).toEqual({ ciphertext, viewsLeft: 0 });
    expect((await reveal(app, created.id, { access: p.access })).statusCode).toBe(404);
    expect((await status(app, created.id, p.access)).statusCode).toBe(404);
  });

  it('uses the configured default expiry and one view when the sender picks none', async () => {
    const { app } = await appWithClock({ defaultExpiresIn: 600 });
    const p = newProofs();
    const created = await create(app, { ciphertext, accessHash: p.accessHash });
    expect(created.expiresAt).toBe(Date.UTC(2026, 0, 1) + 600_000);
    expect((await status(app, created.id, p.access)).json()).toMatchObject({ viewsLeft: 1 });
  });

  it('counts down views and burns at zero', async () => {
    const { app } = await appWithClock();
    const p = newProofs();
    const { id } = await create(app, { ciphertext, accessHash: p.accessHash, views: 3 });
    const left = [];
    for (let i = 0; i < 3; i++)
      left.push(jsonOf(await reveal(app, id, { access: p.access }), 'revealSecret', 200).viewsLeft);
    expect(left).toEqual([2, 1, 0]);
    expect((await reveal(app, id, { access: p.access })).statusCode).toBe(404);
  });

  it('answers one and the same 404 for a wrong proof, a burned, an expired and an unknown id', async () => {
    const { app, advance } = await appWithClock();
    const p = newProofs();
    const burned = await create(app, { ciphertext, accessHash: p.accessHash, expiresIn: 300 });
    await reveal(app, burned.id, { access: p.access });
    const expiring = await create(app, { ciphertext, accessHash: p.accessHash, expiresIn: 300 });
    const living = await create(app, { ciphertext, accessHash: p.accessHash, expiresIn: 3600 });
    advance(301_000);

    const answers = [
      await reveal(app, living.id, { access: newProofs().access }),
      await reveal(app, burned.id, { access: p.access }),
      await reveal(app, expiring.id, { access: p.access }),
      await reveal(app, 'x'.repeat(21), { access: p.access }),
      await status(app, living.id, newProofs().access),
      await status(app, expiring.id, p.access),
    ];
    for (const answer of answers) {
      expect(answer.statusCode).toBe(404);
      expect(answer.body).toBe(answers[0]!.body);
      expect(Object.keys(answer.headers).sort()).toEqual(Object.keys(answers[0]!.headers).sort());
    }
    expect(answers[0]!.json()).toMatchObject({ error: 'not_found' });
    // The wrong proof burned nothing.
    expect((await reveal(app, living.id, { access: p.access })).statusCode).toBe(200);
  });
});

describe('passphrase secrets', () => {
  it('refuses a wrong unlock proof with attemptsLeft, without burning, then reveals with the right one', async () => {
    const { app } = await appWithClock();
    const p = newProofs(true);
    const { id, manageToken } = await create(app, {
      ciphertext: passphraseCiphertext,
      accessHash: p.accessHash,
      unlockHash: p.unlockHash,
    });
    expect((await status(app, id, p.access)).json()).toMatchObject({ passphrase: true, attemptsLeft: 3 });

    const missing = await reveal(app, id, { access: p.access });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error).toBe('passphrase_required');

    const wrong = await reveal(app, id, { access: p.access, unlock: newProofs().access });
    expect(wrong.statusCode).toBe(403);
    expect(wrong.json()).toMatchObject({ error: 'wrong_passphrase', attemptsLeft: 2 });
    expect(wrong.json().message).toMatch(/2 attempt/);

    const right = await reveal(app, id, { access: p.access, unlock: p.unlock });
    expect(right.json()).toEqual({ ciphertext: passphraseCiphertext, viewsLeft: 0 });
    expect((await receipt(app, id, manageToken)).json()).toMatchObject({ state: 'viewed', failedAttempts: 1 });
  });

  it('destroys the secret at the attempt cap, and the receipt says locked', async () => {
    const { app, advance } = await appWithClock();
    const p = newProofs(true);
    const { id, manageToken } = await create(app, {
      ciphertext: passphraseCiphertext,
      accessHash: p.accessHash,
      unlockHash: p.unlockHash,
    });
    const left = [];
    for (let i = 0; i < 3; i++) {
      advance(1000);
      left.push((await reveal(app, id, { access: p.access, unlock: newProofs().access })).json().attemptsLeft);
    }
    expect(left).toEqual([2, 1, 0]);
    advance(1000);
    expect((await reveal(app, id, { access: p.access, unlock: p.unlock })).statusCode).toBe(404);
    // Locked at the third wrong passphrase.
    expect((await receipt(app, id, manageToken)).json()).toMatchObject({
      state: 'locked',
      failedAttempts: 3,
      burnedAt: Date.UTC(2026, 0, 1) + 3000,
    });
  });

  it('refuses an unlock proof for a plain secret without counting it', async () => {
    const { app } = await appWithClock();
    const p = newProofs();
    const { id } = await create(app, { ciphertext, accessHash: p.accessHash });
    const answer = await reveal(app, id, { access: p.access, unlock: newProofs().access });
    expect(answer.statusCode).toBe(400);
    expect(answer.json().error).toBe('no_passphrase');
    expect((await status(app, id, p.access)).json()).toMatchObject({ attemptsLeft: 3, viewsLeft: 1 });
  });
});

describe('receipts and burning', () => {
  it('reports pending, then viewed with the time of the view', async () => {
    const { app, advance } = await appWithClock();
    const p = newProofs();
    const { id, manageToken, expiresAt } = await create(app, { ciphertext, accessHash: p.accessHash, views: 2 });
    const createdAt = Date.UTC(2026, 0, 1);
    expect((await receipt(app, id, manageToken)).json()).toEqual({
      state: 'pending',
      createdAt,
      expiresAt,
      burnedAt: null,
      viewsLeft: 2,
      viewedAt: [],
      failedAttempts: 0,
    });
    advance(5000);
    await reveal(app, id, { access: p.access });
    expect((await receipt(app, id, manageToken)).json()).toMatchObject({
      state: 'pending',
      createdAt,
      burnedAt: null,
      viewsLeft: 1,
      viewedAt: [createdAt + 5000],
    });
    advance(2000);
    await reveal(app, id, { access: p.access });
    // The last view burned it.
    expect((await receipt(app, id, manageToken)).json()).toMatchObject({
      state: 'viewed',
      viewsLeft: 0,
      burnedAt: createdAt + 7000,
    });
  });

  it('burns with the manage token, idempotently; a wrong token is a 404 and a missing one a 400', async () => {
    const { app, advance } = await appWithClock();
    const p = newProofs();
    const { id, manageToken } = await create(app, { ciphertext, accessHash: p.accessHash });
    const wrongToken = newProofs().access;
    advance(60_000);
    expect((await burn(app, id, wrongToken)).statusCode).toBe(404);
    expect((await receipt(app, id, wrongToken)).statusCode).toBe(404);
    expect((await app.inject({ method: 'DELETE', url: `/api/secrets/${id}` })).json().error).toBe('invalid_request');
    expect((await burn(app, id, manageToken)).statusCode).toBe(204);
    advance(1000);
    expect((await burn(app, id, manageToken)).statusCode).toBe(204);
    // Burned at the first burn; the second changed nothing.
    expect((await receipt(app, id, manageToken)).json()).toMatchObject({
      state: 'burned',
      burnedAt: Date.UTC(2026, 0, 1) + 60_000,
    });
    expect((await reveal(app, id, { access: p.access })).statusCode).toBe(404);
  });

  it('reports expired after the TTL', async () => {
    const { app, advance } = await appWithClock();
    const p = newProofs();
    const { id, manageToken, expiresAt } = await create(app, { ciphertext, accessHash: p.accessHash, expiresIn: 300 });
    advance(400_000);
    // It ended at its expiry, not when someone looked.
    expect((await receipt(app, id, manageToken)).json()).toMatchObject({
      state: 'expired',
      createdAt: Date.UTC(2026, 0, 1),
      burnedAt: expiresAt,
    });
  });
});

describe('bad input', () => {
  const p = newProofs();
  const valid = { ciphertext, accessHash: p.accessHash, expiresIn: 3600, views: 1 };
  const cases: [string, Record<string, unknown>, number][] = [
    ['a missing ciphertext', { ...valid, ciphertext: undefined }, 400],
    ['a missing access hash', { ...valid, accessHash: undefined }, 400],
    ['an access hash of the wrong length', { ...valid, accessHash: p.accessHash.slice(1) }, 400],
    ['a non-canonical access hash', { ...valid, accessHash: `${p.accessHash.slice(0, 42)}B` }, 400],
    ['non-canonical ciphertext', { ...valid, ciphertext: 'AB' }, 400],
    ['ciphertext outside the alphabet', { ...valid, ciphertext: 'AAAA+/==' }, 400],
    ['zero views', { ...valid, views: 0 }, 400],
    ['too many views', { ...valid, views: 101 }, 400],
    ['fractional views', { ...valid, views: 1.5 }, 400],
    ['views as a string', { ...valid, views: '1' }, 400],
    ['too short an expiry', { ...valid, expiresIn: 299 }, 400],
    ['too long an expiry', { ...valid, expiresIn: 31 * 86400 }, 400],
    ['an unknown field', { ...valid, note: 'x' }, 400],
    ['too large a ciphertext', { ...valid, ciphertext: b64(randomBytes(5000)) }, 413],
  ];
  it.each(cases)('refuses %s with a clear JSON error', async (_name, payload, code) => {
    const { app } = await appWithClock();
    const res = await app.inject({ method: 'POST', url: '/api/secrets', payload });
    expect(res.statusCode).toBe(code);
    const body = res.json();
    expect(Object.keys(body).sort()).toEqual(['error', 'message']);
    expect(body.message).toMatch(/^[A-Z].+\.$/);
  });

  it('answers 400 to broken JSON, 415 to another content type and 413 to a huge body', async () => {
    const { app } = await appWithClock();
    const post = (payload: string, contentType: string) =>
      app.inject({ method: 'POST', url: '/api/secrets', payload, headers: { 'content-type': contentType } });
    const broken = await post(`{"ciphertext": "${ciphertext}"`, 'application/json');
    expect(broken.statusCode).toBe(400);
    expect(broken.body).not.toContain(ciphertext.slice(0, 20));
    expect((await post('', 'application/json')).statusCode).toBe(400);
    expect((await post('ciphertext=x', 'application/x-www-form-urlencoded')).json().error).toBe(
      'unsupported_media_type',
    );
    const huge = await post(JSON.stringify({ ...valid, ciphertext: 'A'.repeat(20_000) }), 'application/json');
    expect(huge.statusCode).toBe(413);
    expect(huge.json().error).toBe('too_large');
  });

  it('refuses malformed ids and proofs on status and reveal', async () => {
    const { app } = await appWithClock();
    const shortId = await reveal(app, 'short', { access: p.access });
    expect(shortId.statusCode).toBe(400);
    // Said in words, not as the schema's regex.
    expect(shortId.json().message).toBe(
      'The field "id" in the params must be a secret id: 21 to 64 characters of A-Z, a-z, 0-9, "-" and "_".',
    );
    const badProof = await reveal(app, 'x'.repeat(21), { access: 'nope' });
    expect(badProof.statusCode).toBe(400);
    expect(badProof.json().message).toBe(
      'The field "access" in the body must be 32 bytes in canonical base64url: 43 characters of A-Z, a-z, 0-9, "-" and "_".',
    );
    const badCiphertext = await app.inject({
      method: 'POST',
      url: '/api/secrets',
      payload: { ciphertext: 'not base64url!', accessHash: 'A'.repeat(43) },
    });
    expect(badCiphertext.json()).toEqual({
      error: 'invalid_request',
      message:
        'The field "ciphertext" in the body must be base64url text (A-Z, a-z, 0-9, "-" and "_"), at least 2 characters.',
    });
    expect((await reveal(app, 'x'.repeat(21), {})).statusCode).toBe(400);
    expect((await status(app, 'x'.repeat(21), 'A'.repeat(43))).statusCode).toBe(404);
    const wrongMethod = await app.inject({ method: 'PUT', url: `/api/secrets/${'x'.repeat(21)}` });
    expect(wrongMethod.statusCode).toBe(404);
    expect(wrongMethod.json().error).toBe('not_found');
  });
});

describe('health and limits', () => {
  it('answers /healthz, /readyz and /api/limits', async () => {
    const { app } = await appWithClock();
    expect((await app.inject('/healthz')).json()).toEqual({ status: 'ok' });
    expect((await app.inject('/readyz')).json()).toEqual({ status: 'ready' });
    expect((await app.inject('/api/limits')).json()).toEqual({
      maxSecretBytes: 4096,
      maxViews: 100,
      expiresIn: { min: 300, max: 30 * 86400, default: 86400 },
      expiryChoices: [300, 3600, 86_400, 604_800, 30 * 86400],
      alerts: false,
      files: true,
      passphraseRequired: false,
      requests: true,
      brand: { name: 'burnlink', operator: '', logo: '', lead: '', links: { imprint: '', privacy: '', terms: '' } },
      create: { auth: 'none', allowed: true, user: null },
    });
  });
});
