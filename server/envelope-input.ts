/**
 * An envelope as a route receives it: base64url within a byte limit, decoded, and in a
 * shape a client makes (envelope-shape.ts). One function for every route that stores
 * one, so each refuses alike: 413, then 400 invalid_request, then 400 invalid_envelope.
 */
import { decodeCanonical, decodedLength } from './base64url.js';
import { invalidEnvelope, invalidRequest, tooLarge } from './errors.js';

/** A body limit with room for the base64url text of an envelope of `maxBytes`, plus the JSON around it. */
export const envelopeBodyLimit = (maxBytes: number): number => Math.ceil((maxBytes * 4) / 3) + 1024;

/**
 * The envelope's bytes; throws the refusal. `shapeProblem` says why the bytes cannot be
 * this route's envelope; `what` names it in a 413.
 */
export function readEnvelope(
  text: string,
  maxBytes: number,
  shapeProblem: (envelope: Uint8Array) => string | undefined,
  what = 'secret',
): Uint8Array {
  if (decodedLength(text) > maxBytes) throw tooLarge(maxBytes, what);
  const envelope = decodeCanonical(text);
  if (!envelope) throw invalidRequest('The ciphertext is not canonical base64url.');
  const problem = shapeProblem(envelope);
  if (problem) throw invalidEnvelope(problem);
  return envelope;
}
