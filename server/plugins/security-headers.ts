/**
 * Security headers on every response (page, asset, API, error, 404), and the cache
 * rule: nothing is cached except the content-hashed build assets.
 */
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'self'",
].join('; ');

/** Sent on every response; exported for the answers written outside Fastify's hooks (error-handler.ts). */
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

async function securityHeaders(app: FastifyInstance) {
  // Callback style, not async: this runs on every response, and a promise per reply showed in profiles.
  app.addHook('onSend', (request, reply, payload, done) => {
    reply.headers(SECURITY_HEADERS);
    const cacheable = reply.statusCode === 200 && IMMUTABLE_ASSET.test(request.url);
    reply.header('cache-control', cacheable ? 'public, max-age=31536000, immutable' : 'no-store');
    done(null, payload);
  });
}

export default fp(securityHeaders, { name: 'security-headers', fastify: '5.x' });
