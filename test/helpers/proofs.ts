/** Random access/unlock proofs and their hashes, as a client would send them (base64url). */
import { createHash, randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { isPaddedSize } from '../../server/envelope-shape.js';
import { jsonOf } from './json.js';

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

/**
 * Random bytes in the shape of a version-1 envelope (header, padded ciphertext, tag) of at
 * least `bytes` bytes: what the server's shape check lets through, for tests that store
 * something without encrypting anything. The passphrase flag goes with an unlock hash.
 */
export function fakeEnvelope(options: { bytes?: number; passphrase?: boolean } = {}): Buffer {
  let padded = Math.max(1024, (options.bytes ?? 0) - 30);
  while (!isPaddedSize(padded)) padded++;
  return Buffer.concat([Buffer.of(1, options.passphrase ? 1 : 0), randomBytes(12 + padded + 16)]);
}

/** Creates a secret (a fakeEnvelope) through `inject`, as a client would; throws unless the server answers 201. */
export async function createSecret(
  app: FastifyInstance,
  options: { passphrase?: boolean; views?: number; bytes?: number } = {},
) {
  const proofs = newProofs(options.passphrase ?? false);
  const ciphertext = b64(fakeEnvelope({ bytes: options.bytes ?? 1200, passphrase: options.passphrase }));
  const res = await app.inject({
    method: 'POST',
    url: '/api/secrets',
    payload: { ciphertext, accessHash: proofs.accessHash, unlockHash: proofs.unlockHash, views: options.views ?? 1 },
  });
  if (res.statusCode !== 201) throw new Error(`create answered ${res.statusCode}: ${res.body}`);
  const { id, manageToken } = jsonOf(res, 'createSecret', 201);
  return { id, manageToken, ciphertext, proofs };
}
