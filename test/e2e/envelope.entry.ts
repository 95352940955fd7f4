/** What envelope.browser.test.ts bundles for Chromium: the page's own modules, unchanged. */
export { decodeBase64Url, encodeBase64Url } from '../../web/src/lib/base64url.js';
export { deriveKeys, EnvelopeError, open, PassphraseError, seal } from '../../web/src/lib/envelope.js';
export { runRequestVector } from '../vectors/request-check.js';
