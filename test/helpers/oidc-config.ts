/** A complete CREATE_AUTH=oidc configuration for tests; nothing asks the issuer anything until someone signs in. */
import type { Config } from '../../server/config.js';

export const TEST_CLIENT_ID = 'burnlink-test';
export const TEST_CLIENT_SECRET = 'a-client-secret-only-the-tests-know';
export const TEST_SESSION_SECRET = 'test-session-secret-of-at-least-32-characters';

export function oidcConfig(overrides: Partial<Config> = {}): Partial<Config> {
  return {
    createAuth: 'oidc',
    oidcIssuer: 'https://idp.example.com',
    oidcClientId: TEST_CLIENT_ID,
    oidcClientSecret: TEST_CLIENT_SECRET,
    oidcAllowedDomains: 'example.com',
    sessionSecret: TEST_SESSION_SECRET,
    publicUrl: 'https://secrets.example.com',
    ...overrides,
  };
}

/** A complete configuration of each CREATE_AUTH mode: header mode trusts a proxy on 127.0.0.1. */
export function createAuthConfig(mode: Config['createAuth']): Partial<Config> {
  if (mode === 'oidc') return oidcConfig();
  if (mode === 'header') return { createAuth: 'header', trustProxy: '127.0.0.1' };
  return { createAuth: 'none' };
}
