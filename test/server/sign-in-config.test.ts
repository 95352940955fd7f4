/** The start-up checks of CREATE_AUTH=header and CREATE_AUTH=oidc: each mistake named, no secret repeated. */
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../server/config.js';

const OIDC = {
  CREATE_AUTH: 'oidc',
  OIDC_ISSUER: 'https://login.example.com/realms/staff',
  OIDC_CLIENT_ID: 'burnlink',
  OIDC_CLIENT_SECRET: 'client-secret-hunter2',
  OIDC_ALLOWED_DOMAINS: 'example.com, example.org',
  SESSION_SECRET: 's'.repeat(32),
  PUBLIC_URL: 'https://secrets.example.com',
};

function problems(env: Record<string, string | undefined>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).message).not.toMatch(/hunter2|tooshort/);
    return (error as ConfigError).problems;
  }
  return [];
}

describe('CREATE_AUTH=header', () => {
  it('needs TRUST_PROXY to name the proxies: neither false nor true', () => {
    expect(problems({ CREATE_AUTH: 'header' })).toEqual([
      expect.stringMatching(/^TRUST_PROXY must name the addresses/),
    ]);
    expect(problems({ CREATE_AUTH: 'header', TRUST_PROXY: 'true' })).toEqual([
      expect.stringMatching(/not true: true would believe an identity header from anyone/),
    ]);
    const config = loadConfig({ CREATE_AUTH: 'header', TRUST_PROXY: '10.0.0.0/8,loopback' });
    expect(config.authHeader).toBe('x-forwarded-email,x-forwarded-user');
  });

  it('takes header names only', () => {
    expect(problems({ AUTH_HEADER: 'X-Email: x' })).toEqual([expect.stringMatching(/^AUTH_HEADER must be/)]);
    expect(loadConfig({ AUTH_HEADER: 'X-Auth-Request-Email , Remote-User' }).authHeader).toBe(
      'X-Auth-Request-Email , Remote-User',
    );
  });
});

describe('CREATE_AUTH=oidc', () => {
  it('takes a complete configuration', () => {
    expect(loadConfig(OIDC)).toMatchObject({
      createAuth: 'oidc',
      oidcGroupsClaim: 'groups',
      sessionMaxAgeSeconds: 28800,
    });
    expect(
      loadConfig({ ...OIDC, OIDC_ISSUER: 'http://127.0.0.1:8080', PUBLIC_URL: 'http://localhost:3000' }),
    ).toMatchObject({
      oidcIssuer: 'http://127.0.0.1:8080',
    });
  });

  it('names every variable missing, and asks for domains or groups', () => {
    expect(problems({ CREATE_AUTH: 'oidc' })).toEqual([
      'CREATE_AUTH=oidc needs OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, SESSION_SECRET, PUBLIC_URL (see docs/OPERATIONS.md, "Who may create").',
      expect.stringMatching(/needs OIDC_ALLOWED_DOMAINS or OIDC_ALLOWED_GROUPS/),
    ]);
    expect(problems({ ...OIDC, OIDC_ALLOWED_DOMAINS: undefined, OIDC_ALLOWED_GROUPS: 'staff, ops' })).toEqual([]);
  });

  it('refuses a plain-http issuer elsewhere than this machine, and bad lists', () => {
    for (const issuer of ['http://login.example.com', 'ftp://login.example.com', 'https://x/?a=1']) {
      expect(problems({ ...OIDC, OIDC_ISSUER: issuer }), issuer).toEqual([
        expect.stringMatching(/^OIDC_ISSUER must be/),
      ]);
    }
    expect(problems({ ...OIDC, OIDC_ALLOWED_DOMAINS: '@example.com' })).toEqual([
      expect.stringMatching(/^OIDC_ALLOWED_DOMAINS must be/),
    ]);
    expect(problems({ ...OIDC, PUBLIC_URL: 'http://secrets.example.com' })).toEqual([
      expect.stringMatching(/^PUBLIC_URL must be/),
    ]);
  });

  it('refuses a short SESSION_SECRET without repeating it', () => {
    expect(problems({ ...OIDC, SESSION_SECRET: 'tooshort' })).toEqual([
      'SESSION_SECRET must be the key that signs the sign-in cookies (CREATE_AUTH=oidc), at least 32 characters without spaces (openssl rand -base64 32); the same on every server of one site (got a value not shown here).',
    ]);
  });

  it('refuses sign-in settings while CREATE_AUTH is not oidc: the site would be open when it looks closed', () => {
    const { CREATE_AUTH: _, ...rest } = OIDC;
    expect(problems(rest)).toEqual([
      'OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, OIDC_ALLOWED_DOMAINS, SESSION_SECRET are set, but CREATE_AUTH is none, not oidc: set CREATE_AUTH=oidc for sign-in to be required, or remove them.',
    ]);
  });
});
