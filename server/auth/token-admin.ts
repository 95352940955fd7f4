/**
 * What `burnlink-admin token …` does to API_TOKENS_FILE: create a token (the only time
 * its text exists outside the caller), revoke one, list them. Each change is one locked
 * read-change-write of the file (token-file.ts).
 */
import { apiTokenHash, newApiToken, TOKEN_NAME_RULE, TOKEN_NAME_SHAPE } from './api-token.js';
import { readTokenFile, updateTokenFile, type TokenRecord } from './token-file.js';

/** A refusal of the operator's wish (a name taken, unknown or malformed); nothing was changed. */
export class TokenAdminError extends Error {
  constructor(
    message: string,
    /** The command line itself was wrong, rather than the file's state. */
    readonly usage = false,
  ) {
    super(message);
    this.name = 'TokenAdminError';
  }
}

export function checkTokenName(name: string): void {
  if (!TOKEN_NAME_SHAPE.test(name)) {
    throw new TokenAdminError(`A token's name must be ${TOKEN_NAME_RULE}.`, true);
  }
}

/** Makes a token named `name` and returns its text, which is stored nowhere. */
export async function createApiToken(path: string, name: string, now = new Date()): Promise<string> {
  checkTokenName(name);
  const token = newApiToken();
  await updateTokenFile(path, (records) => {
    const taken = records.find((record) => record.name === name);
    if (taken) {
      throw new TokenAdminError(
        `There is already a token named "${name}"${taken.revokedAt ? ' (revoked)' : ''}: ` +
          'names are never reused, so the audit log names one token each. Choose another name.',
      );
    }
    const record: TokenRecord = { name, hash: apiTokenHash(token), createdAt: now.toISOString(), revokedAt: null };
    return { records: [...records, record], result: undefined };
  });
  return token;
}

/** Revokes the token named `name`; false if it already was (nothing changed then). */
export async function revokeApiToken(path: string, name: string, now = new Date()): Promise<boolean> {
  checkTokenName(name);
  return updateTokenFile(path, (records) => {
    const record = records.find((candidate) => candidate.name === name);
    if (!record) throw new TokenAdminError(`There is no token named "${name}".`);
    if (record.revokedAt !== null) return { records, result: false };
    return {
      records: records.map((each) => (each === record ? { ...each, revokedAt: now.toISOString() } : each)),
      result: true,
    };
  });
}

/** The tokens' names and dates, never their hashes. */
export async function listApiTokens(
  path: string,
): Promise<{ name: string; createdAt: string; revokedAt: string | null }[]> {
  return (await readTokenFile(path)).map(({ name, createdAt, revokedAt }) => ({ name, createdAt, revokedAt }));
}
