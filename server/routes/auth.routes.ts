/**
 * /auth: sign-in through the OpenID provider (CREATE_AUTH=oidc). /auth/login sends the
 * browser to the provider, /auth/callback takes it back and sets the session cookie,
 * /auth/logout removes it. Login and callback are browser navigations, not API, and stay
 * out of the OpenAPI document; a navigation that fails lands on the home page with
 * `?signin=failed|denied|unavailable`, which the page explains, while any other client
 * gets the refusal in the one `{error, message}` shape. Login and callback share one
 * per-client rate limit (RATE_LIMIT_SIGN_IN), whose `429` is that shape for everyone.
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { signInFailed } from '../auth/sign-in-refusals.js';
import type { Config } from '../config.js';
import { HttpError, isHttpError } from '../errors.js';
import { rateLimiter } from '../plugins/rate-limit.js';
import { BODY_REFUSALS, errorReplies } from '../schemas/shared.js';

/** Where a sign-in may return to: a path on this site (never `//host`, `/\host` or a URL). */
const RETURN_PATH = '^(/[A-Za-z0-9_-]+)*/?$';

/** What the home page is told when a sign-in navigation fails, by the refusal's status. */
const SIGN_IN_OUTCOME: Record<number, string> = { 403: 'denied', 503: 'unavailable' };

/** Whether the browser navigated here (the address bar, a link, a form), rather than a script or a tool calling. */
function isNavigation(request: FastifyRequest): boolean {
  const mode = request.headers['sec-fetch-mode'];
  return mode === undefined ? (request.headers.accept ?? '').includes('text/html') : mode === 'navigate';
}

export default async function authRoutes(app: FastifyInstance, { config }: { config: Config }) {
  const { oidc } = app;
  if (oidc === undefined) return;
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  const siteOrigin = new URL(config.publicUrl!).origin;
  /**
   * Another site may not sign people out. Browsers say where a request comes from in
   * Sec-Fetch-Site; the Origin is the fallback, and it is "null" from our own page, whose
   * Referrer-Policy is no-referrer.
   */
  function fromThisSite(request: FastifyRequest): boolean {
    const site = request.headers['sec-fetch-site'];
    if (site !== undefined) return site === 'same-origin' || site === 'none';
    const origin = request.headers.origin;
    return origin === undefined || origin === 'null' || origin === siteOrigin;
  }

  // Each login and each callback with a login cookie makes this server ask the provider
  // (discovery until it succeeds, the token endpoint): one budget for both, per client.
  const signInLimit = rateLimiter(app, config.rateLimitSignIn, 'sign-in');

  // The page's Sign out is a plain form: its empty urlencoded body is taken (here only) and ignored.
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit: 1024 },
    (_r, _b, done) => done(null, undefined),
  );

  /** For a navigation, a failure is the home page saying what happened; for anything else, the refusal itself. */
  function failed(request: FastifyRequest, reply: FastifyReply, error: unknown): FastifyReply {
    if (!isHttpError(error) || !isNavigation(request)) throw error;
    // Counted here: this answer skips the error handler, which counts the others.
    app.metrics.count('refusals', error.code);
    return reply.redirect(`/?signin=${SIGN_IN_OUTCOME[error.statusCode] ?? 'failed'}`, 303);
  }

  api.get(
    '/auth/login',
    {
      onRequest: signInLimit,
      schema: {
        hide: true,
        querystring: Type.Object({ return: Type.Optional(Type.String({ pattern: RETURN_PATH, maxLength: 200 })) }),
      },
    },
    async (request, reply) => {
      try {
        const { url, pending } = await oidc.signIn.start(request.query.return ?? '/');
        oidc.cookies.setLogin(reply, pending);
        return await reply.redirect(url.href, 303);
      } catch (error) {
        return failed(request, reply, error);
      }
    },
  );

  app.get('/auth/callback', { onRequest: signInLimit, schema: { hide: true } }, async (request, reply) => {
    const pending = oidc.cookies.login(request);
    // One use: a callback replayed from history finds no login cookie.
    oidc.cookies.clearLogin(reply);
    try {
      if (!pending) throw signInFailed();
      const query = new URLSearchParams(request.url.slice(request.url.indexOf('?') + 1 || request.url.length));
      const user = await oidc.signIn.finish(query, pending);
      oidc.cookies.setSession(reply, user);
      request.log.info('signed in');
      return await reply.redirect(pending.returnTo, 303);
    } catch (error) {
      return failed(request, reply, error);
    }
  });

  api.post(
    '/auth/logout',
    {
      schema: {
        summary: 'Sign out: removes the session cookie of CREATE_AUTH=oidc',
        operationId: 'signOut',
        response: {
          204: Type.Null({ description: 'Signed out (also when nobody was signed in).' }),
          303: Type.Null({ description: 'Signed out; a browser that sent a form is taken to the home page.' }),
          ...errorReplies(...BODY_REFUSALS, 'not_allowed'),
        },
      },
    },
    async (request, reply) => {
      if (!fromThisSite(request)) throw new HttpError(403, 'not_allowed', 'Sign out from this site’s own page.');
      oidc.cookies.clearSession(reply);
      if (isNavigation(request)) return reply.redirect('/', 303);
      return reply.code(204).send(null);
    },
  );
}
