/**
 * CREATE_AUTH=oidc: the signed cookies of sign-in (@fastify/cookie with SESSION_SECRET)
 * and the creator resolver that reads the session cookie. The sign-in itself (the
 * provider's round trip) is in server/routes/auth.routes.ts.
 */
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { OidcSignIn } from '../auth/oidc-sign-in.js';
import { SignInCookies } from '../auth/sign-in-cookies.js';
import type { Config } from '../config.js';
import { HttpError } from '../errors.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** The provider's round trip and the cookies it leaves; only with CREATE_AUTH=oidc. */
    oidc: { signIn: OidcSignIn; cookies: SignInCookies } | undefined;
  }
}

const sessionInvalid = () =>
  new HttpError(401, 'sign_in_required', 'Your sign-in has expired or is no longer valid. Sign in again.');

async function oidcSession(app: FastifyInstance, { config }: { config: Config }) {
  if (config.createAuth !== 'oidc') {
    app.decorate('oidc', undefined);
    return;
  }
  // Loaded only for sign-in: no other configuration needs openid-client or cookies
  // (docs/BENCHMARKS.md, "Start-up").
  const [{ default: cookie }, { OidcSignIn }] = await Promise.all([
    import('@fastify/cookie'),
    import('../auth/oidc-sign-in.js'),
  ]);
  await app.register(cookie, { secret: config.sessionSecret! });
  const cookies = new SignInCookies(config.publicUrl!.startsWith('https:'), config.sessionMaxAgeSeconds);
  app.decorate('oidc', { signIn: new OidcSignIn(config), cookies });
  app.addCreatorResolver((request) => {
    const session = cookies.session(request);
    if (session === undefined) return undefined;
    if (session === null) throw sessionInvalid();
    return { via: 'session', name: session.user };
  });
}

export default fp(oidcSession, { name: 'oidc-session', fastify: '5.x', dependencies: ['create-auth'] });
