/** Manage tokens from the pool: canonical 32-byte base64url, never repeated across refills. */
import { expect, it } from 'vitest';
import { newManageToken } from '../../server/manage-token.js';

it('makes distinct canonical 43-character tokens across several pool refills', () => {
  const tokens = Array.from({ length: 1000 }, newManageToken);
  expect(new Set(tokens).size).toBe(tokens.length);
  for (const token of tokens) {
    expect(token).toMatch(/^[A-Za-z0-9_-]{42}[AEIMQUYcgkosw048]$/);
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
  }
});
