/** What the stores keep of a proof or token: its SHA-256 (the proofs are uniform 256-bit values). */
import { createHash } from 'node:crypto';

/** SHA-256 of the bytes a base64url proof or token stands for (the route schema checked its spelling). */
export function proofHash(proof: string): Buffer {
  return createHash('sha256').update(Buffer.from(proof, 'base64url')).digest();
}
