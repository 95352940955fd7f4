/**
 * Per-client-address rate limits (@fastify/rate-limit), counted in Redis when the
 * store uses Redis so every app instance shares them. Routes opt in with
 * `rateLimiter(app, max, group)`; the check runs on request, before the body is read.
 */
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, onRequestHookHandler } from 'fastify';
import fp from 'fastify-plugin';
import { HttpError } from '../errors.js';

async function rateLimitPlugin(app: FastifyInstance) {
  await app.register(rateLimit, {
    global: false,
    redis: app.redis ?? undefined,
    nameSpace: 'bl:rate:',
    // A Redis outage is answered by the store with 503; the limiter must not turn it into 500s.
    skipOnError: true,
    errorResponseBuilder: (_request, context) =>
      new HttpError(
        429,
        'rate_limited',
        `Too many requests from your address: try again in ${Math.max(1, Math.ceil(context.ttl / 1000))} seconds.`,
      ),
  });
}

/**
 * onRequest hooks for at most `max` requests a minute per client address, one budget
 * for every route given the same hooks; none when max is 0. (The plugin's per-route
 * `groupId` would not do: it keeps one counter per route in memory.)
 */
export function rateLimiter(app: FastifyInstance, max: number, group: string): onRequestHookHandler[] {
  if (max === 0) return [];
  return [app.rateLimit({ max, timeWindow: 60_000, keyGenerator: (request) => `${group}:${request.ip}` })];
}

export default fp(rateLimitPlugin, { name: 'rate-limit', fastify: '5.x', dependencies: ['secret-store'] });
