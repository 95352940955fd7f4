/**
 * The two cookies of OIDC sign-in, both signed with SESSION_SECRET (HMAC-SHA256, by
 * @fastify/cookie) and HttpOnly: the short-lived login cookie carrying what the callback
 * must check (PKCE verifier, state, nonce, where to return), and the session cookie
 * carrying who signed in and until when. Nothing is kept on the server, so sign-in works
 * across WORKERS and several servers sharing SESSION_SECRET. Each expiry is checked
 * from the signed value itself: a browser that ignores Max-Age gains nothing.
 */
import type { CookieSerializeOptions } from '@fastify/cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { PendingSignIn } from './oidc-sign-in.js';

/** How long a person may take at the provider before the sign-in must start again. */
export const LOGIN_MAX_AGE_SECONDS = 600;

/** What the session cookie holds: the user's name, and when the session ends (epoch ms). */
export interface Session {
  user: string;
  expiresAt: number;
}

/** The cookies of one site: `__Host-` names over https, which pin them to this host and path `/`. */
export class SignInCookies {
  readonly loginName: string;
  readonly sessionName: string;
  readonly #options: CookieSerializeOptions;

  constructor(
    secure: boolean,
    private readonly sessionMaxAgeSeconds: number,
    private readonly now: () => number = Date.now,
  ) {
    const prefix = secure ? '__Host-' : '';
    this.loginName = `${prefix}burnlink-login`;
    this.sessionName = `${prefix}burnlink-session`;
    // Lax: the provider's redirect back is a top-level GET from another site, which must carry the login cookie.
    this.#options = { signed: true, httpOnly: true, secure, sameSite: 'lax', path: '/' };
  }

  setLogin(reply: FastifyReply, pending: PendingSignIn): void {
    const value = encode({ ...pending, expiresAt: this.now() + LOGIN_MAX_AGE_SECONDS * 1000 });
    reply.setCookie(this.loginName, value, { ...this.#options, maxAge: LOGIN_MAX_AGE_SECONDS });
  }

  /** The pending sign-in of this browser; undefined when missing, tampered with or expired. */
  login(request: FastifyRequest): PendingSignIn | undefined {
    const value = this.#read(request, this.loginName);
    if (
      !value ||
      typeof value.codeVerifier !== 'string' ||
      typeof value.state !== 'string' ||
      typeof value.nonce !== 'string' ||
      typeof value.returnTo !== 'string'
    ) {
      return undefined;
    }
    return { codeVerifier: value.codeVerifier, state: value.state, nonce: value.nonce, returnTo: value.returnTo };
  }

  clearLogin(reply: FastifyReply): void {
    reply.clearCookie(this.loginName, this.#options);
  }

  setSession(reply: FastifyReply, user: string): void {
    const value = encode({ user, expiresAt: this.now() + this.sessionMaxAgeSeconds * 1000 });
    reply.setCookie(this.sessionName, value, { ...this.#options, maxAge: this.sessionMaxAgeSeconds });
  }

  /**
   * The session this request carries: undefined without the cookie, null when it is
   * there but tampered with, malformed or expired.
   */
  session(request: FastifyRequest): Session | null | undefined {
    if (request.cookies[this.sessionName] === undefined) return undefined;
    const value = this.#read(request, this.sessionName);
    if (!value || typeof value.user !== 'string' || value.user === '') return null;
    return { user: value.user, expiresAt: value.expiresAt as number };
  }

  clearSession(reply: FastifyReply): void {
    reply.clearCookie(this.sessionName, this.#options);
  }

  /** A cookie's value if its signature holds and it has not expired. */
  #read(request: FastifyRequest, name: string): Record<string, unknown> | undefined {
    const raw = request.cookies[name];
    if (raw === undefined) return undefined;
    const unsigned = request.unsignCookie(raw);
    if (!unsigned.valid || unsigned.value === null) return undefined;
    const value = decode(unsigned.value);
    if (typeof value?.expiresAt !== 'number' || value.expiresAt <= this.now()) return undefined;
    return value;
  }
}

function encode(value: object): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

function decode(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
