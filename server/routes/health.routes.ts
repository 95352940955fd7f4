/** Liveness (`/healthz`: the process answers) and readiness (`/readyz`: the store answers). */
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { ErrorReply } from '../schemas.js';

const Ok = Type.Object({ status: Type.String() });

export default async function healthRoutes(app: FastifyInstance) {
  app.get('/healthz', { schema: { response: { 200: Ok } } }, async () => ({ status: 'ok' }));
  // A StoreUnavailableError from ping() becomes the 503 store_unavailable reply.
  app.get('/readyz', { schema: { response: { 200: Ok, 503: ErrorReply } } }, async () => {
    await app.store.ping();
    return { status: 'ready' };
  });
}
