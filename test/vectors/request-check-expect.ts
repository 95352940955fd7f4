/** What a request vector's result must be, for the Node and the Chromium test alike. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { REQUEST_VECTOR_DIR } from './generate-requests.js';
import type { RequestVectorResult } from './request-check.js';
import type { RequestVector } from './request-vector.js';

/** Which error codes each kind of expected failure allows. */
const ERRORS_BY_EXPECT: Record<RequestVector['expect'], (string | null)[]> = {
  success: [null],
  malformed: ['malformed', 'unsupported'],
  'wrong key': ['decrypt_failed'],
  'wrong passphrase': [],
  'invalid passphrase': [],
  tampered: ['decrypt_failed'],
};

export function readRequestVectors(): RequestVector[] {
  return readdirSync(REQUEST_VECTOR_DIR)
    .sort()
    .map((file) => JSON.parse(readFileSync(join(REQUEST_VECTOR_DIR, file), 'utf8')) as RequestVector);
}

export function expectVectorResult(v: RequestVector, result: RequestVectorResult): void {
  expect(result.name).toBe(v.name);
  expect(result.keys).toEqual({
    publicKey: v.publicKey,
    requestKey: v.requestKey,
    proof: v.proof,
    proofHash: v.proofHash,
    access: v.access,
    accessHash: v.accessHash,
  });
  expect(v.inboxFragment).toBe(`1.${v.inboxKey}`);
  expect(v.requestFragment).toBe(`1.${v.requestKey}`);
  expect(ERRORS_BY_EXPECT[v.expect]).toContain(v.error);
  expect(result.error).toBe(v.error);
  expect(result.opened).toEqual({ note: v.note, secret: v.secret });
  expect(result.sealed).toBe(v.expect === 'success' ? v.envelope : null);
}
