/**
 * Manage tokens: 32 random bytes each, sliced from a pooled buffer refilled 8 KiB at a
 * time (as nanoid does for ids). A synchronous randomBytes(32) per create cost ~18 % of
 * create throughput in the benchmark; every byte of the pool is still used once only.
 */
import { randomFillSync } from 'node:crypto';

const TOKEN_BYTES = 32;
const pool = Buffer.alloc(TOKEN_BYTES * 256);
let offset = pool.length;

/** A fresh manage token: base64url of 32 random bytes (43 characters). */
export function newManageToken(): string {
  if (offset + TOKEN_BYTES > pool.length) {
    randomFillSync(pool);
    offset = 0;
  }
  const token = pool.toString('base64url', offset, offset + TOKEN_BYTES);
  offset += TOKEN_BYTES;
  return token;
}
