/** Liveness (`/healthz`: the process answers) and readiness (`/readyz`: the store answers). */
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { errorReplies } from '../schemas/shared.js';

const Ok = Type.Object({ status: Type.String() });

export default async function healthRoutes(app: FastifyInstance) {
  app.get(
    '/healthz',
    { schema: { summary: 'Liveness: the process answers', operationId: 'healthz', response: { 200: Ok } } },
    async () => ({ status: 'ok' }),
  );
  // A StoreUnavailableError from ping() becomes the 503 store_unavailable reply.
  app.get(
    '/readyz',
    {
      schema: {
        summary: 'Readiness: the store answers',
        operationId: 'readyz',
        response: { 200: Ok, ...errorReplies('store_unavailable') },
      },
    },
    async () => {
      await app.store.ping();
      return { status: 'ready' };
    },
  );
}
