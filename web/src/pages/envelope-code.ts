/**
 * The envelope's code (sealing, opening), which the create and request pages need only
 * when the person creates, and the reveal page only at Reveal: fetched then, or at the
 * first sign of intent (typing, reaching for the button). The sizes the forms check
 * meanwhile come from lib/envelope-size.ts, the reveal page's keys from lib/envelope-keys.ts.
 */
import { LazyPart } from './lazy.svelte.js';

export const envelopeCode = new LazyPart(() => import('../lib/envelope.js'));

/** What the request page seals with: the request format, and the proof hash of the envelope's code. */
export const requestCode = new LazyPart(async () => {
  const [{ proofHash }, request] = await Promise.all([import('../lib/envelope.js'), import('../lib/request.js')]);
  return { proofHash, ...request };
});
