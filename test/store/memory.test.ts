import { afterEach, describe, expect, it, vi } from 'vitest';
import { ENTRY_OVERHEAD_BYTES, MemoryStore } from '../../server/store/memory.js';
import { StoreUnavailableError } from '../../server/store/secret-store.js';
import { MemoryRequestStore } from '../../server/store/memory-requests.js';
import { LIMITS, describeSecretStore, expectRevealed, makeSecret, randomHash } from './conformance.js';
import { describeRequestStore, makeRequest } from './request-conformance.js';

/** A MemoryStore on a fake clock that only moves when a test says so. */
function fakeClockStore(maxBytes = 10_000_000, sweepIntervalMs?: number) {
  let time = Date.UTC(2030, 0, 1);
  const store = new MemoryStore({ limits: LIMITS, maxBytes, now: () => time, sweepIntervalMs });
  return { store, now: () => time, advance: (ms: number) => (time += ms) };
}

describeSecretStore('memory', async () => {
  const { store, now, advance } = fakeClockStore();
  return {
    store,
    now,
    advance: async (ms) => void advance(ms),
    cleanup: () => store.close(),
  };
});

describeRequestStore('memory', async (limits) => {
  const { store: secrets, now, advance } = fakeClockStore();
  const store = new MemoryRequestStore({ limits, budget: secrets.budget, now });
  return {
    store,
    now,
    advance: async (ms) => void advance(ms),
    cleanup: async () => {
      await store.close();
      await secrets.close();
    },
  };
});

describe('MemoryStore', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('refuses a create beyond its byte budget as full, and recovers as secrets go', async () => {
    const size = 1000;
    const { store } = fakeClockStore(3 * (size + ENTRY_OVERHEAD_BYTES));
    const secrets = [1, 2, 3].map(() => makeSecret({ ciphertext: new Uint8Array(size) }));
    for (const secret of secrets) await store.create(secret);

    const refused = store.create(makeSecret({ ciphertext: new Uint8Array(size) }));
    await expect(refused).rejects.toBeInstanceOf(StoreUnavailableError);
    await expect(refused).rejects.toMatchObject({ reason: 'full' });

    // A revealed secret's bytes are freed; its receipt still costs its overhead.
    const [first] = secrets;
    expectRevealed(await store.reveal({ id: first!.id, accessHash: first!.accessHash }));
    await expect(
      store.create(makeSecret({ ciphertext: new Uint8Array(size - ENTRY_OVERHEAD_BYTES) })),
    ).resolves.toBeDefined();
    await store.close();
  });

  it('frees expired secrets on create when the budget is tight, without waiting for the sweep', async () => {
    const { store, advance } = fakeClockStore(2500);
    await store.create(makeSecret({ ciphertext: new Uint8Array(1000), ttlSeconds: 1 }));
    advance(1500);
    await expect(store.create(makeSecret({ ciphertext: new Uint8Array(1000) }))).resolves.toBeDefined();
    expect(store.usedBytes).toBe(1000 + 2 * ENTRY_OVERHEAD_BYTES);
    await store.close();
  });

  it('sweeps expired secrets and forgotten receipts on its timer', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const { store, advance } = fakeClockStore(10_000_000, 1000);
    const secret = makeSecret({ ciphertext: new Uint8Array(5000), ttlSeconds: 60 });
    await store.create(secret);
    expect(store.usedBytes).toBe(5000 + ENTRY_OVERHEAD_BYTES);

    advance(61_000);
    vi.advanceTimersByTime(1000);
    expect(store.usedBytes).toBe(ENTRY_OVERHEAD_BYTES);

    advance(LIMITS.receiptRetentionSeconds * 1000);
    vi.advanceTimersByTime(1000);
    expect(store.usedBytes).toBe(0);
    expect(await store.receipt(secret.id, secret.manageHash)).toBeNull();
    expect(await store.burn(secret.id, secret.manageHash)).toBe(false);
    await store.close();
  });

  it('keeps the receipt for the retention period after expiry', async () => {
    const { store, advance } = fakeClockStore();
    const secret = makeSecret({ ttlSeconds: 60 });
    await store.create(secret);
    advance(60_000 + LIMITS.receiptRetentionSeconds * 1000 - 1);
    expect(await store.receipt(secret.id, secret.manageHash)).toMatchObject({ state: 'expired' });
    advance(1);
    expect(await store.receipt(secret.id, secret.manageHash)).toBeNull();
    await store.close();
  });

  it('stores a copy, so the caller reusing its buffer changes nothing', async () => {
    const { store } = fakeClockStore();
    const secret = makeSecret();
    const original = Buffer.from(secret.ciphertext);
    await store.create(secret);
    secret.ciphertext.fill(0);
    const outcome = expectRevealed(await store.reveal({ id: secret.id, accessHash: secret.accessHash }));
    expect(Buffer.from(outcome.ciphertext)).toEqual(original);
    await store.close();
  });

  it('copies Buffers too, whose slice() is a view of the caller’s memory', async () => {
    // As the routes pass them: decoded with Buffer.from, small ones cut from Node's shared pool.
    const { store } = fakeClockStore();
    const secret = makeSecret({ views: 2, unlockHash: Buffer.from(randomHash()) });
    const given = {
      ...secret,
      ciphertext: Buffer.from(Buffer.from(secret.ciphertext).toString('base64url'), 'base64url'),
      accessHash: Buffer.from(secret.accessHash),
      unlockHash: Buffer.from(secret.unlockHash!),
      manageHash: Buffer.from(secret.manageHash),
    };
    await store.create(given);
    for (const bytes of [given.ciphertext, given.accessHash, given.unlockHash, given.manageHash]) bytes.fill(0);
    const outcome = expectRevealed(
      await store.reveal({ id: secret.id, accessHash: secret.accessHash, unlockHash: secret.unlockHash }),
    );
    expect(Buffer.from(outcome.ciphertext)).toEqual(Buffer.from(secret.ciphertext));
    expect(await store.receipt(secret.id, secret.manageHash)).toMatchObject({ viewsLeft: 1 });
    await store.close();
  });
});

describe('MemoryRequestStore', () => {
  it('copies the Buffers it keeps, whose slice() is a view of the caller’s memory', async () => {
    const { store: secrets, now } = fakeClockStore();
    const store = new MemoryRequestStore({ limits: LIMITS, budget: secrets.budget, now });
    const request = makeRequest();
    const given = {
      ...request,
      envelope: Buffer.from(Buffer.from(request.envelope).toString('base64url'), 'base64url'),
      accessHash: Buffer.from(request.accessHash),
      inboxHash: Buffer.from(request.inboxHash),
    };
    await store.createRequest(given);
    const answer = Buffer.from(Buffer.from(randomHash()).toString('base64url'), 'base64url');
    const original = Buffer.from(answer);
    for (const bytes of [given.envelope, given.accessHash, given.inboxHash]) bytes.fill(0);
    expect(await store.requestStatus(request.id, request.accessHash)).toMatchObject({
      envelope: new Uint8Array(request.envelope),
    });
    expect(await store.answer(request.id, request.accessHash, answer)).toMatchObject({ kind: 'answered' });
    answer.fill(0);
    const read = await store.readAnswer(request.id, request.inboxHash);
    expect(read.kind === 'read' && Buffer.from(read.answer)).toEqual(original);
    await store.close();
    await secrets.close();
  });
});
