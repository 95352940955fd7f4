/** GET /api/limits: the bounds the page needs to offer only choices the server accepts. */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
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
            create: Type.Object(
              {
                auth: Type.Union([Type.Literal('none'), Type.Literal('header'), Type.Literal('oidc')], {
                  description: 'CREATE_AUTH: who may create secrets and requests',
                }),
                allowed: Type.Boolean({ description: 'whether this request, as sent, may create' }),
                user: Type.Union([Type.String(), Type.Null()], {
                  description: 'who this request creates as (the audit log records it); null for nobody',
                }),
              },
              { description: 'who may create here, and whether the one asking may' },
            ),
          }),
        },
      },
    },
    async (request) => ({ ...limits, create: await createSettings(app, request) }),
  );
}

/** Whether the one asking may create, so the page shows a form only to those it will not refuse. */
async function createSettings(app: FastifyInstance, request: FastifyRequest) {
  // A refusing resolver (a revoked token) means this request may not create, not that /api/limits fails.
  const creator = await app.creatorOf(request).catch(() => undefined);
  return {
    auth: app.createMode,
    allowed: app.createMode === 'none' || creator !== undefined,
    user: creator?.name ?? null,
  };
}
