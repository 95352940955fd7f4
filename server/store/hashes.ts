/** The one way the stores compare a stored hash with a presented one. */
import { timingSafeEqual } from 'node:crypto';

/**
 * True when the two hashes are the same bytes. Constant time in their content, so a
 * client timing the answers learns nothing of a stored hash; a length mismatch (which
 * the routes and the invariants already rule out) is simply unequal.
 */
export function hashesEqual(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}
