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
    alerts: app.alerts.enabled,
  };
  app.withTypeProvider<TypeBoxTypeProvider>().get(
    '/api/limits',
    {
      schema: {
        summary: 'The bounds of size, views and expiry this server accepts',
        operationId: 'getLimits',
        response: {
          200: Type.Object({
            maxSecretBytes: Type.Integer({ description: 'the largest envelope, in bytes' }),
            maxViews: Type.Integer(),
            expiresIn: Type.Object(
              { min: Type.Integer(), max: Type.Integer(), default: Type.Integer() },
              { description: 'seconds' },
            ),
            alerts: Type.Boolean({ description: 'whether this server sends email alerts (SMTP is configured)' }),
          }),
        },
      },
    },
    async () => limits,
  );
}
