/**
 * Security headers on every response (page, asset, API, error, 404), and the cache
 * rule: nothing is cached except the content-hashed build assets and the answers of a
 * route that asks for it in its config (`cacheControl`).
 *
 * JSON answers get the page's whole policy too, although a browser never renders one:
 * the design names these headers for every answer, and the ~450 bytes they add cost the
 * API 2–6 % (docs/BENCHMARKS.md, "Throughput"), less than a rule an operator or a
 * scanner would have to learn exceptions to.
 */
import type { FastifyInstance, onSendHookHandler } from 'fastify';
import fp from 'fastify-plugin';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Cache-Control of this route's 200s and 304s, for an answer that is the same for everyone and holds no secret. */
    cacheControl?: string;
  }
}

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'self'",
].join('; ');

/** Sent on every answer; exported for the answers written outside Fastify's hooks (error-handler.ts). */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'referrer-policy': 'no-referrer',
  'strict-transport-security': 'max-age=63072000; includeSubDomains',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), interest-cohort=()',
};

const IMMUTABLE_ASSET = /^\/assets\/[^/]+$/;
const IMMUTABLE = 'public, max-age=31536000, immutable';

async function securityHeaders(app: FastifyInstance) {
  // Callback style, not async: this runs on every response, and a promise per reply showed in profiles.
  app.addHook('onSend', (request, reply, payload, done) => {
    reply.headers(SECURITY_HEADERS);
    const immutable = reply.statusCode === 200 && IMMUTABLE_ASSET.test(request.url);
    reply.header('cache-control', immutable ? IMMUTABLE : 'no-store');
    done(null, payload);
  });
  // A route's own Cache-Control (its config), set after the hook above: looked up once per
  // route rather than through request.routeOptions, which builds an object on every call.
  app.addHook('onRoute', (route) => {
    const cacheControl = route.config?.cacheControl;
    if (cacheControl === undefined) return;
    const own: onSendHookHandler = (_request, reply, payload, done) => {
      // A 304 repeats it: its headers replace those of the copy a cache keeps.
      if (reply.statusCode === 200 || reply.statusCode === 304) reply.header('cache-control', cacheControl);
      done(null, payload);
    };
    const hooks = route.onSend === undefined ? [] : Array.isArray(route.onSend) ? route.onSend : [route.onSend];
    route.onSend = [...hooks, own];
  });
}

export default fp(securityHeaders, { name: 'security-headers', fastify: '5.x' });
