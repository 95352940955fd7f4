/**
 * The in-memory store under pressure, through the API: when its byte budget is spent a
 * create gets a clear 503 (never a crash, and everything else keeps working), room
 * comes back as secrets are read, and expired secrets are swept on a timer without
 * anyone asking for them.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import { ENTRY_OVERHEAD_BYTES, MemoryStore } from '../../server/store/memory.js';
import { jsonOf } from '../helpers/json.js';
import { b64, fakeEnvelope, newProofs } from '../helpers/proofs.js';
import { buildTestApp } from '../helpers/server.js';

const BUDGET = 64 * 1024;
// The largest envelope within MAX_SECRET_BYTES 4096 (a padded size), and the smallest there is.
const SIZE = 3998;
const SMALLEST = 1054;
const FULL = {
  error: 'store_unavailable',
  message: 'The server has no room for new secrets right now. Try again later.',
};

async function create(app: FastifyInstance, size = SIZE, expiresIn = 3600) {
  const p = newProofs();
  const res = await app.inject({
    method: 'POST',
    url: '/api/secrets',
    payload: { ciphertext: b64(fakeEnvelope({ bytes: size })), accessHash: p.accessHash, expiresIn },
  });
  return { res, id: res.statusCode === 201 ? jsonOf(res, 'createSecret', 201).id : undefined, access: p.access };
}

describe('the memory store when full', () => {
  it('answers a clear 503 to creates beyond its budget, keeps serving, and takes new secrets once room is freed', async () => {
    const app = await buildTestApp({ memoryStoreBytes: BUDGET, maxSecretBytes: 4096 });
    const attempts = await Promise.all(Array.from({ length: 60 }, () => create(app)));
    const stored = attempts.filter((attempt) => attempt.res.statusCode === 201);
    const refused = attempts.filter((attempt) => attempt.res.statusCode !== 201);
    expect(stored).toHaveLength(Math.floor(BUDGET / (SIZE + ENTRY_OVERHEAD_BYTES)));
    for (const { res } of refused) {
      expect(res.statusCode).toBe(503);
      expect(res.json()).toEqual(FULL);
    }

    // Everything but creation still works.
    expect((await app.inject('/healthz')).statusCode).toBe(200);
    expect((await app.inject('/readyz')).statusCode).toBe(200);
    const first = stored[0]!;
    const revealed = await app.inject({
      method: 'POST',
      url: `/api/secrets/${first.id}/reveal`,
      payload: { access: first.access },
    });
    expect(revealed.statusCode).toBe(200);

    // The revealed secret's bytes are free again (its receipt keeps its overhead).
    expect((await create(app, SIZE - ENTRY_OVERHEAD_BYTES)).res.statusCode).toBe(201);
    expect((await create(app)).res.statusCode).toBe(503);
    console.log(
      `memory store (budget ${BUDGET} bytes): ${stored.length} of 60 concurrent creates stored, ${refused.length} refused with 503, no crash`,
    );
  });

  it('bounds a flood of tiny secrets by their bookkeeping, too', async () => {
    const app = await buildTestApp({ memoryStoreBytes: BUDGET });
    let accepted = 0;
    for (let i = 0; i < 200; i++) {
      const { res } = await create(app, SMALLEST);
      if (res.statusCode !== 201) {
        expect(res.json()).toEqual(FULL);
        break;
      }
      accepted++;
    }
    expect(accepted).toBe(Math.floor(BUDGET / (SMALLEST + ENTRY_OVERHEAD_BYTES)));
  });
});

describe('expired secrets in the memory store', () => {
  it('are swept on the timer, without a request, and their room is reused', async () => {
    let now = Date.UTC(2030, 0, 1);
    const store = new MemoryStore({
      limits: { maxAttempts: 10, receiptRetentionSeconds: 3600 },
      maxBytes: BUDGET,
      now: () => now,
      sweepIntervalMs: 25,
    });
    const app = await buildTestApp({ maxSecretBytes: 4096 }, { store });
    const stored = [];
    for (let i = 0; i < 20; i++) {
      const attempt = await create(app, SIZE, 300);
      if (attempt.res.statusCode === 201) stored.push(attempt);
    }
    expect(stored.length).toBeGreaterThan(0);
    expect((await create(app)).res.statusCode).toBe(503);
    const fullBytes = store.usedBytes;

    now += 301_000;
    // No request in between: only the sweep can free the bytes.
    const deadline = Date.now() + 2000;
    while (store.usedBytes === fullBytes && Date.now() < deadline) await sleep(10);
    expect(store.usedBytes).toBe(stored.length * ENTRY_OVERHEAD_BYTES);

    for (const secret of stored) {
      const res = await app.inject({
        method: 'POST',
        url: `/api/secrets/${secret.id}/reveal`,
        payload: { access: secret.access },
      });
      expect(res.statusCode).toBe(404);
    }
    expect((await create(app)).res.statusCode).toBe(201);
    console.log(
      `memory store sweep: ${stored.length} expired secrets (${fullBytes - store.usedBytes} bytes) freed by the timer`,
    );
  });
});
