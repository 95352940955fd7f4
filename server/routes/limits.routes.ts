/** GET /api/limits: the bounds the page needs to offer only choices the server accepts. */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { Config } from '../config.js';

export default async function limitsRoutes(app: FastifyInstance, { config }: { config: Config }) {
  const limits = {
    maxSecretBytes: config.maxSecretBytes,
    maxViews: config.maxViews,
    expiresIn: { min: config.minExpiresIn, max: config.maxExpiresIn, default: config.defaultExpiresIn },
  };
  app.withTypeProvider<TypeBoxTypeProvider>().get(
    '/api/limits',
    {
      schema: {
        response: {
          200: Type.Object({
            maxSecretBytes: Type.Integer(),
            maxViews: Type.Integer(),
            expiresIn: Type.Object({ min: Type.Integer(), max: Type.Integer(), default: Type.Integer() }),
          }),
        },
      },
    },
    async () => limits,
  );
}
