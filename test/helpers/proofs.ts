/** Random access/unlock proofs and their hashes, as a client would send them (base64url). */
import { createHash, randomBytes } from 'node:crypto';

export const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64url');
const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest();

/** A client's side of one secret: random proofs and the hashes sent at creation. */
export function newProofs(passphrase = false) {
  const access = randomBytes(32);
  const unlock = passphrase ? randomBytes(32) : undefined;
  return {
    access: b64(access),
    unlock: unlock && b64(unlock),
    accessHash: b64(sha(access)),
    unlockHash: unlock && b64(sha(unlock)),
  };
}
