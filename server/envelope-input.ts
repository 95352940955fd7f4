/**
 * An envelope as a route receives it: base64url within a byte limit, decoded, and in a
 * shape a client makes (envelope-shape.ts). One function for every route that stores
 * one, so each refuses alike: 413, then 400 invalid_request, then 400 invalid_envelope.
 */
import { decodeCanonical } from './base64url.js';
import { invalidEnvelope, invalidRequest, tooLarge } from './errors.js';

/** The envelope's bytes; throws the refusal. `shapeProblem` says why the bytes cannot be this route's envelope. */
export function readEnvelope(
  text: string,
  maxBytes: number,
  shapeProblem: (envelope: Uint8Array) => string | undefined,
): Uint8Array {
  if (Math.floor((text.length * 3) / 4) > maxBytes) throw tooLarge(maxBytes);
  const envelope = decodeCanonical(text);
  if (!envelope) throw invalidRequest('The ciphertext is not canonical base64url.');
  const problem = shapeProblem(envelope);
  if (problem) throw invalidEnvelope(problem);
  return envelope;
}
