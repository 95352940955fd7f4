/**
 * Checks shared by both stores. The routes validate client input first; these guard the
 * store's own invariants (hash sizes, counters that must fit the Redis header), so a
 * bug upstream fails loudly instead of storing something a later reveal misreads.
 */
import type { NewRequest } from './request-store.js';
import type { NewSecret, StoreLimits } from './secret-store.js';

/** Length of every stored hash (SHA-256). */
export const HASH_BYTES = 32;
/** Views are kept as an unsigned 16-bit counter in the Redis header. */
export const MAX_VIEWS = 0xffff;
/** Failed attempts are kept as an unsigned 8-bit counter in the Redis header. */
export const MAX_ATTEMPTS = 0xff;

/** Throws a RangeError unless the limits fit what both stores can count. */
export function assertValidLimits(limits: StoreLimits): void {
  assertInteger('maxAttempts', limits.maxAttempts, 1, MAX_ATTEMPTS);
  assertInteger('receiptRetentionSeconds', limits.receiptRetentionSeconds, 0, Number.MAX_SAFE_INTEGER);
}

/** Throws a RangeError unless the secret is well-formed. */
export function assertValidSecret(secret: NewSecret): void {
  if (secret.id.length === 0) throw new RangeError('secret id must not be empty');
  assertHash('accessHash', secret.accessHash);
  assertHash('manageHash', secret.manageHash);
  if (secret.unlockHash !== undefined) assertHash('unlockHash', secret.unlockHash);
  assertInteger('views', secret.views, 1, MAX_VIEWS);
  assertInteger('ttlSeconds', secret.ttlSeconds, 1, Number.MAX_SAFE_INTEGER);
}

/** Throws a RangeError unless the value is a 32-byte hash. */
export function assertHash(name: string, value: Uint8Array): void {
  if (value.length !== HASH_BYTES) throw new RangeError(`${name} must be ${HASH_BYTES} bytes`);
}

function assertInteger(name: string, value: number, min: number, max: number): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new RangeError(`${name} must be an integer from ${min} to ${max}, got ${value}`);
  }
}

/** Throws a RangeError unless the request is well-formed. */
export function assertValidRequest(request: NewRequest): void {
  if (request.id.length === 0) throw new RangeError('request id must not be empty');
  assertHash('accessHash', request.accessHash);
  assertHash('inboxHash', request.inboxHash);
  assertInteger('ttlSeconds', request.ttlSeconds, 1, Number.MAX_SAFE_INTEGER);
}
