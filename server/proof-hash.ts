/** What the stores keep of a proof or token: its SHA-256 (the proofs are uniform 256-bit values). */
import { hash } from 'node:crypto';

/**
 * SHA-256 of the bytes a base64url proof or token stands for (the route schema checked its
 * spelling). The one-shot `hash` takes 0.9 µs where a Hash object takes 1.5: every create,
 * status and reveal hashes one or two.
 */
export function proofHash(proof: string): Buffer {
  return hash('sha256', Buffer.from(proof, 'base64url'), 'buffer');
}
