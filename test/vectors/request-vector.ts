/** The shape of a request or sealed-answer test vector (docs/FORMAT.md §9), in test/vectors/request-v1/. */
import type { Expect } from './generate.js';

export interface RequestVector {
  name: string;
  description: string;
  /** Which envelope: the request (note and public key) or a sealed answer. */
  kind: 'request' | 'sealed';
  expect: Expect;
  /** EnvelopeError code for a failure, null on success. */
  error: string | null;
  /** The inbox key the envelope is opened with (a request through the request key derived from it). */
  inboxKey: string;
  inboxFragment: string;
  publicKey: string;
  requestKey: string;
  requestFragment: string;
  /** The inbox proof, and its SHA-256 as sent at creation. */
  proof: string;
  proofHash: string;
  /** The request's access proof, and its SHA-256 as sent at creation. */
  access: string;
  accessHash: string;
  /** For success vectors: what was sealed with, so the envelope can be rebuilt byte for byte. */
  iv: string | null;
  ephemeralKey: string | null;
  note: string | null;
  secret: { text: string; files: { name: string; type: string; bytes: string }[] } | null;
  envelope: string;
}
