/**
 * API tokens as text: `blt_` and 32 random bytes in base64url. The prefix lets secret
 * scanners (and people) recognise a leaked one; the 256 random bits make guessing
 * hopeless, so the store keeps a plain SHA-256 of the text: a slow password hash
 * protects low-entropy secrets and would add nothing here but CPU per request.
 */
import { createHash, randomBytes } from 'node:crypto';

export const API_TOKEN_PREFIX = 'blt_';
/** The whole token: the prefix, then canonical base64url of exactly 32 bytes (43 characters). */
export const API_TOKEN_SHAPE = /^blt_[A-Za-z0-9_-]{42}[AEIMQUYcgkosw048]$/;
/** What a token's name may be: it is what the audit log and `token list` show. */
export const TOKEN_NAME_SHAPE = /^[a-z0-9._-]{1,64}$/;
export const TOKEN_NAME_RULE = '1 to 64 characters of a-z, 0-9, ".", "_" and "-"';

/** A fresh token, from 32 bytes of the system's CSPRNG. */
export function newApiToken(): string {
  return `${API_TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
}

/** What is stored of a token: the SHA-256 of its text. */
export function apiTokenHash(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest();
}
