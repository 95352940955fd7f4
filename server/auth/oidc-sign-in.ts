/**
 * Sign-in through an OpenID provider (CREATE_AUTH=oidc) with openid-client: the
 * authorization code flow with PKCE, state and nonce, and the check of who may create
 * (OIDC_ALLOWED_DOMAINS, OIDC_ALLOWED_GROUPS). Nothing here keeps state between the two
 * halves: what the callback needs travels in the signed login cookie (sign-in-cookies.ts),
 * so any process of any server of the site can finish a sign-in another one started.
 */
import * as oidc from 'openid-client';
import { listOf, type Config } from '../config.js';
import { HttpError } from '../errors.js';
import { notAllowed, providerUnavailable, signInFailed } from './sign-in-refusals.js';

/** What the callback must find again: the checks of this one sign-in, and where to go after it. */
export interface PendingSignIn {
  codeVerifier: string;
  state: string;
  nonce: string;
  /** A path on this site (validated by the login route). */
  returnTo: string;
}

/** How long the provider may take to answer one request, in seconds. */
const PROVIDER_TIMEOUT_SECONDS = 10;

export class OidcSignIn {
  readonly #issuer: URL;
  readonly #clientId: string;
  readonly #clientSecret: string;
  readonly #redirectUri: string;
  readonly #domains: string[];
  readonly #groups: string[];
  readonly #groupsClaim: string;
  /** The provider's metadata, discovered on the first sign-in and kept; forgotten when discovery fails. */
  #provider?: Promise<oidc.Configuration>;

  constructor(config: Config) {
    this.#issuer = new URL(config.oidcIssuer!);
    this.#clientId = config.oidcClientId!;
    this.#clientSecret = config.oidcClientSecret!;
    this.#redirectUri = new URL('/auth/callback', config.publicUrl).href;
    this.#domains = listOf(config.oidcAllowedDomains).map((domain) => domain.toLowerCase());
    this.#groups = listOf(config.oidcAllowedGroups);
    this.#groupsClaim = config.oidcGroupsClaim;
  }

  /** Where to send the browser, and what its callback must match. */
  async start(returnTo: string): Promise<{ url: URL; pending: PendingSignIn }> {
    const provider = await this.#discover();
    const pending: PendingSignIn = {
      codeVerifier: oidc.randomPKCECodeVerifier(),
      state: oidc.randomState(),
      nonce: oidc.randomNonce(),
      returnTo,
    };
    const url = oidc.buildAuthorizationUrl(provider, {
      redirect_uri: this.#redirectUri,
      scope: 'openid email profile',
      code_challenge: await oidc.calculatePKCECodeChallenge(pending.codeVerifier),
      code_challenge_method: 'S256',
      state: pending.state,
      nonce: pending.nonce,
    });
    return { url, pending };
  }

  /**
   * Finishes a sign-in from the callback's query: checks state, trades the code (with the
   * PKCE verifier) for tokens, checks the ID token's nonce, and returns who signed in if
   * they may create.
   */
  async finish(query: URLSearchParams, pending: PendingSignIn): Promise<string> {
    // Checked here too, before anything reaches the provider: a wrong state is someone
    // else's sign-in (or a forged one) arriving in this browser.
    if (query.get('state') !== pending.state) throw signInFailed();
    const provider = await this.#discover();
    const callback = new URL(this.#redirectUri);
    callback.search = query.toString();
    try {
      const tokens = await oidc.authorizationCodeGrant(provider, callback, {
        pkceCodeVerifier: pending.codeVerifier,
        expectedState: pending.state,
        expectedNonce: pending.nonce,
        idTokenExpected: true,
      });
      const claims = { ...tokens.claims() } as Record<string, unknown>;
      // Many providers put email and groups only in the userinfo answer.
      const needed = [
        ...(this.#domains.length > 0 ? ['email'] : []),
        ...(this.#groups.length > 0 ? [this.#groupsClaim] : []),
      ];
      if (needed.some((claim) => claims[claim] === undefined) && provider.serverMetadata().userinfo_endpoint) {
        const info = await oidc.fetchUserInfo(provider, tokens.access_token, String(claims.sub));
        for (const [claim, value] of Object.entries(info)) claims[claim] ??= value;
      }
      return this.#allowedUser(claims);
    } catch (error) {
      throw error instanceof HttpError ? error : failureOf(error);
    }
  }

  /** The user's name for the audit log and the page, if OIDC_ALLOWED_DOMAINS and OIDC_ALLOWED_GROUPS let them create. */
  #allowedUser(claims: Record<string, unknown>): string {
    const email = typeof claims.email === 'string' ? claims.email : undefined;
    if (this.#domains.length > 0) {
      const domain = email?.slice(email.lastIndexOf('@') + 1).toLowerCase();
      // A provider that does not say whether it checked the address is taken at its word.
      const verified = claims.email_verified !== false;
      if (!verified || domain === undefined || !this.#domains.includes(domain)) throw notAllowed();
    }
    if (this.#groups.length > 0) {
      const value = claims[this.#groupsClaim];
      const groups = Array.isArray(value) ? value : typeof value === 'string' ? [value] : [];
      if (!groups.some((group) => typeof group === 'string' && this.#groups.includes(group))) throw notAllowed();
    }
    const name = email ?? claims.preferred_username ?? claims.sub;
    return typeof name === 'string' && name !== '' ? name.slice(0, 256) : String(claims.sub);
  }

  #discover(): Promise<oidc.Configuration> {
    this.#provider ??= oidc
      .discovery(this.#issuer, this.#clientId, undefined, oidc.ClientSecretBasic(this.#clientSecret), {
        timeout: PROVIDER_TIMEOUT_SECONDS,
        // http:// is taken only for a provider on this machine (config.ts), for tests.
        ...(this.#issuer.protocol === 'http:' && { execute: [oidc.allowInsecureRequests] }),
      })
      .catch((error: unknown) => {
        this.#provider = undefined;
        throw failureOf(error);
      });
    return this.#provider;
  }
}

/** The provider unreachable or failing is a 503; anything it or the answer got wrong is a failed sign-in. */
function failureOf(error: unknown): HttpError {
  const unreachable =
    error instanceof TypeError ||
    (error instanceof oidc.ClientError &&
      ['OAUTH_TIMEOUT', 'OAUTH_ABORT', 'OAUTH_RESPONSE_IS_NOT_CONFORM', 'OAUTH_RESPONSE_IS_NOT_JSON'].includes(
        error.code ?? '',
      ));
  return unreachable ? providerUnavailable() : signInFailed();
}
