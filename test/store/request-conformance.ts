/**
 * The behaviour both request stores must share (DESIGN §5a, docs/FORMAT.md §7), run
 * by memory.test.ts, redis.test.ts and redis-cluster.test.ts against their own store.
 */
import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { NewRequest, RequestStore } from '../../server/store/request-store.js';
import type { StoreLimits } from '../../server/store/secret-store.js';
import { CLOCK_SLACK_MS, LIMITS, randomHash, type StoreHarness } from './conformance.js';

export type RequestStoreHarness = Omit<StoreHarness, 'store'> & { store: RequestStore };

/** A request with random id, hashes and envelope. */
export function makeRequest(overrides: Partial<NewRequest> = {}): NewRequest {
  return {
    id: randomBytes(16).toString('base64url'),
    envelope: new Uint8Array(randomBytes(1054)),
    accessHash: randomHash(),
    inboxHash: randomHash(),
    ttlSeconds: 600,
    ...overrides,
  };
}

const answerBytes = () => new Uint8Array(randomBytes(1086));

/** Registers the shared RequestStore suite; `makeStore` builds a fresh store for each test. */
export function describeRequestStore(
  name: string,
  makeStore: (limits: StoreLimits) => Promise<RequestStoreHarness>,
): void {
  describe(`RequestStore conformance: ${name}`, () => {
    let harness: RequestStoreHarness;
    let store: RequestStore;
    beforeEach(async () => {
      harness = await makeStore(LIMITS);
      store = harness.store;
    });
    afterEach(() => harness.cleanup());

    const near = (at: number | null | undefined, expected: number) =>
      expect(Math.abs(at! - expected)).toBeLessThan(CLOCK_SLACK_MS);

    it('shows an open request, its exact envelope, to the access hash and its inbox to the inbox hash', async () => {
      const request = makeRequest();
      const { expiresAt } = await store.createRequest(request);
      near(expiresAt, harness.now() + 600_000);

      const status = await store.requestStatus(request.id, request.accessHash);
      expect(status).toMatchObject({ state: 'open' });
      // Redis works the status's expiry out from TIME and PTTL, each rounded to the millisecond.
      expect(Math.abs(status!.expiresAt - expiresAt)).toBeLessThanOrEqual(5);
      expect(Buffer.from(status!.envelope!)).toEqual(Buffer.from(request.envelope));
      const inbox = await store.inbox(request.id, request.inboxHash);
      expect(inbox).toMatchObject({ state: 'open', expiresAt, answeredAt: null, readAt: null });
      expect(Buffer.from(inbox!.envelope!)).toEqual(Buffer.from(request.envelope));
      // Looking changes nothing, and neither proof opens the other's view.
      expect(await store.requestStatus(request.id, request.accessHash)).toMatchObject({ state: 'open' });
      expect(await store.requestStatus(request.id, request.inboxHash)).toBeNull();
      expect(await store.inbox(request.id, request.accessHash)).toBeNull();
      expect(await store.requestStatus('unknown-id-0123456789', request.accessHash)).toBeNull();
      expect(await store.inbox('unknown-id-0123456789', request.inboxHash)).toBeNull();
    });

    it('takes one answer, keeps it for the lifetime again, and reveals it once to the inbox hash', async () => {
      const request = makeRequest();
      await store.createRequest(request);
      expect(await store.readAnswer(request.id, request.inboxHash)).toEqual({ kind: 'not_answered' });
      expect(await store.answer(request.id, randomHash(), answerBytes())).toEqual({ kind: 'not_found' });

      const answer = answerBytes();
      const answered = await store.answer(request.id, request.accessHash, answer);
      expect(answered).toMatchObject({ kind: 'answered' });
      near(answered.kind === 'answered' ? answered.expiresAt : 0, harness.now() + 600_000);
      expect(answered).not.toHaveProperty('alert');
      expect(await store.answer(request.id, request.accessHash, answerBytes())).toEqual({ kind: 'already_answered' });

      expect(await store.requestStatus(request.id, request.accessHash)).toMatchObject({ state: 'answered' });
      expect(await store.requestStatus(request.id, request.accessHash)).not.toHaveProperty('envelope');
      const inbox = await store.inbox(request.id, request.inboxHash);
      expect(inbox).toMatchObject({ state: 'answered', readAt: null });
      near(inbox!.answeredAt, harness.now());

      expect(await store.readAnswer(request.id, request.accessHash)).toEqual({ kind: 'not_found' });
      const read = await store.readAnswer(request.id, request.inboxHash);
      expect(read.kind).toBe('read');
      expect(Buffer.from(read.kind === 'read' ? read.answer : [])).toEqual(Buffer.from(answer));
      expect(await store.readAnswer(request.id, request.inboxHash)).toEqual({ kind: 'not_found' });

      const after = await store.inbox(request.id, request.inboxHash);
      expect(after).toMatchObject({ state: 'read', answeredAt: inbox!.answeredAt });
      expect(after).not.toHaveProperty('envelope');
      near(after!.readAt, harness.now());
      // The responder's link still says answered, not that it was read.
      expect(await store.requestStatus(request.id, request.accessHash)).toMatchObject({ state: 'answered' });
      expect(await store.answer(request.id, request.accessHash, answerBytes())).toEqual({ kind: 'already_answered' });
    });

    it('hands the alert recipient to the one answer that wins, then forgets it', async () => {
      const alert = { email: 'asker@example.test', language: 'de' };
      const request = makeRequest({ alert });
      await store.createRequest(request);
      expect(await store.answer(request.id, request.accessHash, answerBytes())).toMatchObject({
        kind: 'answered',
        alert,
      });
      expect(await store.answer(request.id, request.accessHash, answerBytes())).toEqual({ kind: 'already_answered' });
    });

    it('takes exactly one of 200 concurrent answers, and gives it to exactly one of 200 concurrent reads', async () => {
      const request = makeRequest();
      await store.createRequest(request);
      const answers = await Promise.all(
        Array.from({ length: 200 }, () => store.answer(request.id, request.accessHash, answerBytes())),
      );
      expect(answers.filter((o) => o.kind === 'answered')).toHaveLength(1);
      expect(answers.filter((o) => o.kind === 'already_answered')).toHaveLength(199);
      const reads = await Promise.all(
        Array.from({ length: 200 }, () => store.readAnswer(request.id, request.inboxHash)),
      );
      expect(reads.filter((o) => o.kind === 'read')).toHaveLength(1);
      expect(reads.filter((o) => o.kind === 'not_found')).toHaveLength(199);
    });

    it('expires unanswered, and answered but unread, while the inbox says expired', async () => {
      const open = makeRequest({ ttlSeconds: 1 });
      const unread = makeRequest({ ttlSeconds: 1, alert: { email: 'a@example.test', language: 'en' } });
      await store.createRequest(open);
      await store.createRequest(unread);
      await store.answer(unread.id, unread.accessHash, answerBytes());
      await harness.advance(1200);

      for (const request of [open, unread]) {
        expect(await store.requestStatus(request.id, request.accessHash)).toBeNull();
        expect(await store.answer(request.id, request.accessHash, answerBytes())).toEqual({ kind: 'not_found' });
        expect(await store.readAnswer(request.id, request.inboxHash)).toEqual({ kind: 'not_found' });
        const inbox = await store.inbox(request.id, request.inboxHash);
        expect(inbox).toMatchObject({ state: 'expired' });
        expect(inbox).not.toHaveProperty('envelope');
      }
      expect((await store.inbox(unread.id, unread.inboxHash))?.answeredAt).not.toBeNull();
    });

    it('refuses an id that is taken and malformed hashes', async () => {
      const request = makeRequest();
      await store.createRequest(request);
      await expect(store.createRequest({ ...request, accessHash: randomHash() })).rejects.toThrow(/exists/);
      await expect(store.createRequest(makeRequest({ inboxHash: new Uint8Array(31) }))).rejects.toThrow(RangeError);
      await expect(store.requestStatus(request.id, new Uint8Array(3))).rejects.toThrow(RangeError);
    });
  });
}
