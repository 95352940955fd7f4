/**
 * The one behaviour both stores must share (DESIGN.md §3–§4), run by memory.test.ts,
 * redis.test.ts, redis-cluster.test.ts and redis-sentinel.test.ts against their own store.
 */
import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { NewSecret, RevealOutcome, SecretStore, StoreLimits } from '../../server/store/secret-store.js';

export interface StoreHarness {
  store: SecretStore;
  /** The store's clock, to check the timestamps it reports. */
  now(): number;
  /** Lets time pass for the store: moves a fake clock, or really waits. */
  advance(ms: number): Promise<void>;
  cleanup(): Promise<void>;
}

export const LIMITS: StoreLimits = { maxAttempts: 3, receiptRetentionSeconds: 3600 };
/** How far apart two readings of the store's clock may be (Redis: real time passes). */
export const CLOCK_SLACK_MS = 1000;

/** A random 32-byte hash. */
export function randomHash(): Uint8Array {
  return new Uint8Array(randomBytes(32));
}

/** A secret with random id, hashes and binary ciphertext; a passphrase when `unlockHash` is given. */
export function makeSecret(overrides: Partial<NewSecret> = {}): NewSecret {
  return {
    id: randomBytes(16).toString('base64url'),
    ciphertext: new Uint8Array(randomBytes(1000)),
    accessHash: randomHash(),
    manageHash: randomHash(),
    views: 1,
    ttlSeconds: 600,
    ...overrides,
  };
}

/** Asserts the outcome is a reveal and narrows it. */
export function expectRevealed(outcome: RevealOutcome): Extract<RevealOutcome, { kind: 'revealed' }> {
  expect(outcome.kind).toBe('revealed');
  if (outcome.kind !== 'revealed') throw new Error(`expected revealed, got ${outcome.kind}`);
  return outcome;
}

/** Registers the shared SecretStore suite; `makeStore` builds a fresh store for each test. */
export function describeSecretStore(name: string, makeStore: (limits: StoreLimits) => Promise<StoreHarness>): void {
  describe(`SecretStore conformance: ${name}`, () => {
    let harness: StoreHarness;
    let store: SecretStore;
    beforeEach(async () => {
      harness = await makeStore(LIMITS);
      store = harness.store;
    });
    afterEach(() => harness.cleanup());

    const revealWith = (secret: NewSecret, unlockHash: Uint8Array | undefined) =>
      store.reveal({ id: secret.id, accessHash: secret.accessHash, unlockHash });
    const reveal = (secret: NewSecret) => revealWith(secret, secret.unlockHash);

    it('returns the exact bytes after create and status', async () => {
      const secret = makeSecret();
      const { expiresAt } = await store.create(secret);
      expect(Math.abs(expiresAt - (harness.now() + 600_000))).toBeLessThan(CLOCK_SLACK_MS);

      const status = await store.status(secret.id, secret.accessHash);
      expect(status).toMatchObject({ viewsLeft: 1, passphrase: false, attemptsLeft: 3 });
      expect(Math.abs(status!.expiresAt - expiresAt)).toBeLessThanOrEqual(5);

      const outcome = expectRevealed(await reveal(secret));
      expect(Buffer.from(outcome.ciphertext)).toEqual(Buffer.from(secret.ciphertext));
      expect(outcome.viewsLeft).toBe(0);
      expect(await reveal(secret)).toEqual({ kind: 'not_found' });
      expect(await store.status(secret.id, secret.accessHash)).toBeNull();
    });

    it('burns nothing on status', async () => {
      const secret = makeSecret();
      await store.create(secret);
      for (let i = 0; i < 5; i++) expect(await store.status(secret.id, secret.accessHash)).not.toBeNull();
      expect((await store.receipt(secret.id, secret.manageHash))?.viewedAt).toEqual([]);
      expectRevealed(await reveal(secret));
    });

    it('answers not_found alike for a wrong access hash, an unknown id and a burned secret', async () => {
      const secret = makeSecret();
      await store.create(secret);
      const wrong = { ...secret, accessHash: randomHash() };
      const unknown = makeSecret();
      for (const attempt of [wrong, unknown]) {
        expect(await reveal(attempt)).toEqual({ kind: 'not_found' });
        expect(await store.status(attempt.id, attempt.accessHash)).toBeNull();
      }
      // Guessing did not use up the view.
      expect(await store.status(secret.id, secret.accessHash)).toMatchObject({ viewsLeft: 1 });

      expect(await store.burn(secret.id, secret.manageHash)).toBe(true);
      expect(await reveal(secret)).toEqual({ kind: 'not_found' });
      expect(await store.status(secret.id, secret.accessHash)).toBeNull();
    });

    it('serves a 3-view secret three times, counting down', async () => {
      const secret = makeSecret({ views: 3 });
      await store.create(secret);
      for (const left of [2, 1, 0]) {
        const outcome = expectRevealed(await reveal(secret));
        expect(outcome.viewsLeft).toBe(left);
        expect(Buffer.from(outcome.ciphertext)).toEqual(Buffer.from(secret.ciphertext));
        if (left > 0) expect(await store.status(secret.id, secret.accessHash)).toMatchObject({ viewsLeft: left });
        const receipt = await store.receipt(secret.id, secret.manageHash);
        expect(receipt).toMatchObject({ state: left > 0 ? 'pending' : 'viewed', viewsLeft: left });
        expect(receipt?.viewedAt).toHaveLength(3 - left);
        // It ends with its last view, and not before.
        expect(receipt?.burnedAt).toBe(left > 0 ? null : receipt?.viewedAt.at(-1));
      }
      expect(await reveal(secret)).toEqual({ kind: 'not_found' });
    });

    it('asks for the unlock hash exactly when a passphrase is set, counting neither mistake', async () => {
      const locked = makeSecret({ unlockHash: randomHash() });
      const plain = makeSecret();
      await store.create(locked);
      await store.create(plain);
      expect(await revealWith(locked, undefined)).toEqual({ kind: 'unlock_required' });
      expect(await revealWith(plain, randomHash())).toEqual({ kind: 'unlock_unexpected' });
      expect(await store.status(locked.id, locked.accessHash)).toMatchObject({ passphrase: true, attemptsLeft: 3 });
      expect(await store.receipt(plain.id, plain.manageHash)).toMatchObject({ state: 'pending', failedAttempts: 0 });
      expectRevealed(await reveal(locked));
    });

    it('counts wrong passphrases and never resets the count on success', async () => {
      const secret = makeSecret({ unlockHash: randomHash(), views: 2 });
      await store.create(secret);
      expect(await revealWith(secret, randomHash())).toEqual({ kind: 'wrong_passphrase', attemptsLeft: 2 });
      expect(expectRevealed(await reveal(secret)).viewsLeft).toBe(1);
      expect(await store.status(secret.id, secret.accessHash)).toMatchObject({ attemptsLeft: 2 });
      expect(await revealWith(secret, randomHash())).toEqual({ kind: 'wrong_passphrase', attemptsLeft: 1 });
      expect(await store.receipt(secret.id, secret.manageHash)).toMatchObject({ failedAttempts: 2, viewsLeft: 1 });
    });

    it('burns the secret and says locked once the attempts run out', async () => {
      const secret = makeSecret({ unlockHash: randomHash(), views: 5 });
      await store.create(secret);
      for (const attemptsLeft of [2, 1, 0]) {
        expect(await revealWith(secret, randomHash())).toEqual({ kind: 'wrong_passphrase', attemptsLeft });
      }
      expect(await reveal(secret)).toEqual({ kind: 'not_found' });
      expect(await store.status(secret.id, secret.accessHash)).toBeNull();
      const receipt = await store.receipt(secret.id, secret.manageHash);
      expect(receipt).toMatchObject({ state: 'locked', viewsLeft: 0, failedAttempts: 3, viewedAt: [] });
      expect(Math.abs(receipt!.burnedAt! - harness.now())).toBeLessThan(CLOCK_SLACK_MS);
    });

    it('burns only with the right manage hash, idempotently', async () => {
      const secret = makeSecret();
      await store.create(secret);
      expect(await store.burn(secret.id, randomHash())).toBe(false);
      expect(await store.burn(makeSecret().id, secret.manageHash)).toBe(false);
      expect(await store.status(secret.id, secret.accessHash)).not.toBeNull();

      expect(await store.burn(secret.id, secret.manageHash)).toBe(true);
      const burned = await store.receipt(secret.id, secret.manageHash);
      expect(burned).toMatchObject({ state: 'burned', viewsLeft: 0 });
      expect(Math.abs(burned!.burnedAt! - harness.now())).toBeLessThan(CLOCK_SLACK_MS);
      // Burning again is accepted but the secret ended at the first burn.
      await harness.advance(5);
      expect(await store.burn(secret.id, secret.manageHash)).toBe(true);
      expect(await store.receipt(secret.id, secret.manageHash)).toEqual(burned);
    });

    it('keeps a viewed receipt viewed when burned afterwards', async () => {
      const secret = makeSecret();
      await store.create(secret);
      expectRevealed(await reveal(secret));
      const viewed = await store.receipt(secret.id, secret.manageHash);
      expect(await store.burn(secret.id, secret.manageHash)).toBe(true);
      expect(await store.receipt(secret.id, secret.manageHash)).toEqual(viewed);
      expect(viewed).toMatchObject({ state: 'viewed', burnedAt: viewed!.viewedAt[0] });
    });

    it('reports a receipt only to the manage hash, with view times', async () => {
      const secret = makeSecret({ views: 2 });
      const { expiresAt } = await store.create(secret);
      expect(await store.receipt(secret.id, randomHash())).toBeNull();
      expect(await store.receipt(makeSecret().id, secret.manageHash)).toBeNull();
      expect(await store.receipt(secret.id, secret.manageHash)).toEqual({
        state: 'pending',
        // To the millisecond: both come from one reading of the store's clock.
        createdAt: expiresAt - 600_000,
        expiresAt,
        burnedAt: null,
        viewsLeft: 2,
        viewedAt: [],
        failedAttempts: 0,
      });

      expect(Math.abs(expiresAt - 600_000 - harness.now())).toBeLessThan(CLOCK_SLACK_MS);

      expectRevealed(await reveal(secret));
      const viewedOnce = (await store.receipt(secret.id, secret.manageHash))!;
      const [viewedAt] = viewedOnce.viewedAt;
      expect(Math.abs(viewedAt! - harness.now())).toBeLessThan(CLOCK_SLACK_MS);
      expect(viewedOnce).toMatchObject({ createdAt: expiresAt - 600_000, burnedAt: null });
    });

    it('expires with its TTL while the receipt says expired', async () => {
      const secret = makeSecret({ ttlSeconds: 1, views: 3 });
      const { expiresAt } = await store.create(secret);
      expectRevealed(await reveal(secret));
      await harness.advance(1200);

      expect(await store.status(secret.id, secret.accessHash)).toBeNull();
      expect(await reveal(secret)).toEqual({ kind: 'not_found' });
      // It ended when it expired, however late someone looked.
      const expired = {
        state: 'expired',
        viewsLeft: 0,
        failedAttempts: 0,
        createdAt: expiresAt - 1000,
        burnedAt: expiresAt,
      };
      expect(await store.receipt(secret.id, secret.manageHash)).toMatchObject(expired);
      expect((await store.receipt(secret.id, secret.manageHash))?.viewedAt).toHaveLength(1);
      // Burning what already expired is still accepted, and changes nothing.
      expect(await store.burn(secret.id, secret.manageHash)).toBe(true);
      expect(await store.receipt(secret.id, secret.manageHash)).toMatchObject(expired);
    });

    it('gives exactly one of 200 concurrent reveals of a 1-view secret', async () => {
      const secret = makeSecret();
      await store.create(secret);
      const outcomes = await Promise.all(Array.from({ length: 200 }, () => reveal(secret)));
      expect(outcomes.filter((o) => o.kind === 'revealed')).toHaveLength(1);
      expect(outcomes.filter((o) => o.kind === 'not_found')).toHaveLength(199);
    });

    it('gives exactly three of 50 concurrent reveals of a 3-view secret', async () => {
      const secret = makeSecret({ views: 3 });
      await store.create(secret);
      const outcomes = await Promise.all(Array.from({ length: 50 }, () => reveal(secret)));
      const revealed = outcomes.filter((o) => o.kind === 'revealed');
      expect(revealed.map((o) => o.viewsLeft).sort()).toEqual([0, 1, 2]);
      expect((await store.receipt(secret.id, secret.manageHash))?.viewedAt).toHaveLength(3);
    });

    it('counts concurrent wrong passphrases exactly up to the cap', async () => {
      const secret = makeSecret({ unlockHash: randomHash() });
      await store.create(secret);
      const outcomes = await Promise.all(Array.from({ length: 20 }, () => revealWith(secret, randomHash())));
      const counted = outcomes.flatMap((o) => (o.kind === 'wrong_passphrase' ? [o.attemptsLeft] : []));
      expect(counted.sort()).toEqual([0, 1, 2]);
      expect(outcomes.filter((o) => o.kind === 'not_found')).toHaveLength(17);
    });

    it('refuses an id that is taken and malformed hashes', async () => {
      const secret = makeSecret();
      await store.create(secret);
      await expect(store.create({ ...secret, accessHash: randomHash() })).rejects.toThrow(/exists/);
      await expect(store.create(makeSecret({ accessHash: new Uint8Array(31) }))).rejects.toThrow(RangeError);
      await expect(store.create(makeSecret({ views: 0 }))).rejects.toThrow(RangeError);
      expect(expectRevealed(await reveal(secret)).ciphertext).toHaveLength(1000);
    });

    it('returns the alert recipient with each view, and forgets it with the secret', async () => {
      const alert = { email: 'sender@example.test', language: 'en' };
      const secret = makeSecret({ views: 2, alert });
      await store.create(secret);
      expect(expectRevealed(await reveal(secret)).alert).toEqual(alert);
      expect(expectRevealed(await reveal(secret)).alert).toEqual(alert);
      const plain = makeSecret();
      await store.create(plain);
      expect(expectRevealed(await reveal(plain))).not.toHaveProperty('alert');
    });
  });
}
