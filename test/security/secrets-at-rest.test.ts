/**
 * What the store holds and what a refusal tells: manage tokens and proofs are kept only
 * as SHA-256 hashes (read back from Redis itself, where a receipt keeps the first half of
 * a manage token's, and from every call the memory store receives), and a wrong token or
 * proof answers exactly like an unknown id — same status, body and headers — so an
 * id-holder learns nothing.
 */
import { createHash } from 'node:crypto';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemoryStore } from '../../server/store/memory.js';
import { jsonOf } from '../helpers/json.js';
import { b64, createSecret, fakeEnvelope, newProofs } from '../helpers/proofs.js';
import { RecordingStore } from '../helpers/recording-store.js';
import { startRedis, type TestRedis } from '../helpers/redis-server.js';
import { useRedis } from '../helpers/use-redis.js';
import { buildTestApp } from '../helpers/server.js';

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest();
const raw = (base64url: string) => Buffer.from(base64url, 'base64url');

/** Creates secrets and uses every route once; returns what a client held. */
async function exercise(app: FastifyInstance, count = 4) {
  const held = [];
  for (let i = 0; i < count; i++) {
    const { id, manageToken, ciphertext, proofs: p } = await createSecret(app, { passphrase: i % 2 === 1, views: 2 });
    const auth = { authorization: `Bearer ${manageToken}` };
    await app.inject({ method: 'POST', url: `/api/secrets/${id}/status`, payload: { access: p.access } });
    await app.inject({
      method: 'POST',
      url: `/api/secrets/${id}/reveal`,
      payload: { access: p.access, unlock: p.unlock },
    });
    expect((await app.inject({ url: `/api/secrets/${id}/receipt`, headers: auth })).statusCode).toBe(200);
    held.push({ id, manageToken, ciphertext, proofs: [p.access, ...(p.unlock ? [p.unlock] : [])] });
  }
  return held;
}

describe('tokens and proofs are stored only as hashes', () => {
  const redis = useRedis();

  it('in Redis: every key and value holds the hash, never the token, a proof or base64 ciphertext', async () => {
    const app = await buildTestApp({ redisUrl: redis.url });
    const held = await exercise(app);
    const inspect = new Redis(redis.url);
    const dump: Buffer[] = [];
    for (const key of await inspect.keysBuffer('*')) {
      dump.push(key);
      // Secrets and receipts are both binary strings.
      const type = await inspect.type(key);
      if (type !== 'string') throw new Error(`unexpected key type ${type}`);
      dump.push((await inspect.getBuffer(key))!);
    }
    await inspect.quit();
    const stored = Buffer.concat(dump);
    for (const secret of held) {
      for (const value of [secret.manageToken, ...secret.proofs]) {
        expect(stored.includes(raw(value)), 'raw token or proof in Redis').toBe(false);
        expect(stored.includes(value), 'base64url token or proof in Redis').toBe(false);
      }
      // Not vacuous: the hash is what Redis holds; of the manage token's, the receipt keeps
      // the first 16 bytes (server/store/redis-scripts.ts).
      for (const proof of secret.proofs) expect(stored.includes(sha256(raw(proof))), 'proof hash in Redis').toBe(true);
      const manageHash = sha256(raw(secret.manageToken));
      expect(stored.includes(manageHash.subarray(0, 16)), 'manage hash in Redis').toBe(true);
      expect(stored.includes(secret.ciphertext), 'base64 ciphertext in Redis').toBe(false);
    }
    console.log(
      `at rest (redis): ${dump.length} keys and values read back, ${held.length} tokens and their proofs only as SHA-256`,
    );
  });

  it('in memory: the store is only ever handed hashes', async () => {
    const store = new RecordingStore(
      new MemoryStore({ limits: { maxAttempts: 10, receiptRetentionSeconds: 60 }, maxBytes: 1 << 20 }),
    );
    const app = await buildTestApp({}, { store });
    const held = await exercise(app);
    const handed: Buffer[] = [];
    const collect = (value: unknown): void => {
      if (value instanceof Uint8Array) handed.push(Buffer.from(value));
      else if (typeof value === 'string') handed.push(Buffer.from(value));
      else if (value && typeof value === 'object') Object.values(value).forEach(collect);
    };
    store.calls.forEach((call) => call.args.forEach(collect));
    const all = Buffer.concat(handed);
    for (const secret of held) {
      for (const value of [secret.manageToken, ...secret.proofs]) {
        expect(all.includes(raw(value))).toBe(false);
        expect(all.includes(value)).toBe(false);
        expect(all.includes(sha256(raw(value)))).toBe(true);
      }
    }
    expect(store.count('create')).toBe(held.length);
  });
});

describe.each(['memory', 'redis'] as const)('refusals that tell nothing (%s store)', (kind) => {
  let redis: TestRedis | undefined;
  beforeAll(async () => {
    if (kind === 'redis') redis = await startRedis();
  });
  afterAll(async () => redis?.stop());

  /** Status, body and headers (all but Date) of an answer, to compare answers whole. */
  async function answer(app: FastifyInstance, request: InjectOptions) {
    const res = await app.inject(request);
    const { date: _date, ...headers } = res.headers;
    return { status: res.statusCode, body: res.body, headers };
  }

  it('answers a wrong manage token exactly like an unknown id, on receipt and burn', async () => {
    const app = await buildTestApp({ redisUrl: redis?.url });
    const [secret] = await exercise(app, 1);
    const [burned] = await exercise(app, 1);
    await app.inject({
      method: 'DELETE',
      url: `/api/secrets/${burned!.id}`,
      headers: { authorization: `Bearer ${burned!.manageToken}` },
    });
    const wrong = { authorization: `Bearer ${newProofs().access}` };
    const unknown = 'V1StGXR8_Z5jdHi6B-myT';
    for (const method of ['GET', 'DELETE'] as const) {
      const path = (id: string) => (method === 'GET' ? `/api/secrets/${id}/receipt` : `/api/secrets/${id}`);
      const answers = [
        await answer(app, { method, url: path(unknown), headers: wrong }),
        await answer(app, { method, url: path(secret!.id), headers: wrong }),
        await answer(app, { method, url: path(burned!.id), headers: wrong }),
      ];
      expect(answers[0]!.status).toBe(404);
      for (const other of answers.slice(1)) expect(other, method).toEqual(answers[0]);
    }
    // The wrong token burned nothing.
    const receipt = await app.inject({
      url: `/api/secrets/${secret!.id}/receipt`,
      headers: { authorization: `Bearer ${secret!.manageToken}` },
    });
    expect(receipt.json()).toMatchObject({ state: 'pending', viewsLeft: 1 });
  });

  it('answers a wrong access proof exactly like an unknown id or a burned secret, on status and reveal', async () => {
    const app = await buildTestApp({ redisUrl: redis?.url });
    const p = newProofs();
    const create = (views: number) =>
      app.inject({
        method: 'POST',
        url: '/api/secrets',
        payload: { ciphertext: b64(fakeEnvelope()), accessHash: p.accessHash, views },
      });
    const living = jsonOf(await create(1), 'createSecret', 201).id;
    const used = jsonOf(await create(1), 'createSecret', 201).id;
    await app.inject({ method: 'POST', url: `/api/secrets/${used}/reveal`, payload: { access: p.access } });
    for (const action of ['status', 'reveal']) {
      const answers = [
        await answer(app, {
          method: 'POST',
          url: `/api/secrets/V1StGXR8_Z5jdHi6B-myT/${action}`,
          payload: { access: p.access },
        }),
        await answer(app, {
          method: 'POST',
          url: `/api/secrets/${living}/${action}`,
          payload: { access: newProofs().access },
        }),
        await answer(app, { method: 'POST', url: `/api/secrets/${used}/${action}`, payload: { access: p.access } }),
      ];
      expect(answers[0]!.status).toBe(404);
      for (const other of answers.slice(1)) expect(other, action).toEqual(answers[0]);
    }
    expect(
      (await app.inject({ method: 'POST', url: `/api/secrets/${living}/reveal`, payload: { access: p.access } }))
        .statusCode,
    ).toBe(200);
  });
});
