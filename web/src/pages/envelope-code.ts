/**
 * The envelope's code (sealing, key derivation), which the create and request pages need
 * only when the person creates: fetched then, or as they start typing. The sizes they
 * check meanwhile come from lib/envelope-size.ts.
 */
import { LazyPart } from './lazy.svelte.js';

export const envelopeCode = new LazyPart(() => import('../lib/envelope.js'));

/** What the request page seals with: the request format, and the proof hash of the envelope's code. */
export const requestCode = new LazyPart(async () => {
  const [{ proofHash }, request] = await Promise.all([import('../lib/envelope.js'), import('../lib/request.js')]);
  return { proofHash, ...request };
});
