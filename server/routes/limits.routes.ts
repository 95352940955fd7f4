/** GET /api/limits: the bounds the page needs to offer only choices the server accepts. */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { PublicBrand } from '../brand.js';
import type { Config } from '../config.js';
import { offeredExpiries } from '../expiry-choices.js';

const Text = (description: string) => Type.String({ description });

export default async function limitsRoutes(
  app: FastifyInstance,
  { config, brand }: { config: Config; brand: PublicBrand },
) {
  const limits = {
    maxSecretBytes: config.maxSecretBytes,
    maxViews: config.maxViews,
    expiresIn: { min: config.minExpiresIn, max: config.maxExpiresIn, default: config.defaultExpiresIn },
    expiryChoices: offeredExpiries(config),
    alerts: app.alerts.enabled,
    files: config.allowFiles,
    passphraseRequired: config.requirePassphrase,
    requests: config.allowRequests,
    brand,
  };
  app.withTypeProvider<TypeBoxTypeProvider>().get(
    '/api/limits',
    {
      schema: {
        summary: 'The bounds of size, views and expiry this server accepts, what it offers, and its brand',
        operationId: 'getLimits',
        response: {
          200: Type.Object({
            maxSecretBytes: Type.Integer({ description: 'the largest envelope, in bytes' }),
            maxViews: Type.Integer(),
            expiresIn: Type.Object(
              { min: Type.Integer(), max: Type.Integer(), default: Type.Integer() },
              { description: 'seconds' },
            ),
            expiryChoices: Type.Array(Type.Integer(), {
              description: 'the expiries to offer, in seconds, ascending (EXPIRY_CHOICES); the default is one of them',
            }),
            alerts: Type.Boolean({ description: 'whether this server sends email alerts (SMTP is configured)' }),
            files: Type.Boolean({
              description:
                'whether to offer attaching files (ALLOW_FILES); the server cannot see inside an envelope, ' +
                'so clients keep to this themselves',
            }),
            passphraseRequired: Type.Boolean({
              description: 'whether every secret needs a passphrase (a create without unlockHash is refused)',
            }),
            requests: Type.Boolean({
              description: 'whether new requests for a secret may be made (POST /api/requests)',
            }),
            brand: Type.Object(
              {
                name: Text('the product name'),
                operator: Text("who runs this site; '' when not configured"),
                logo: Text("the logo's URL on this site; '' for none"),
                lead: Text("the home page's lead text; '' for the built-in one"),
                links: Type.Object(
                  {
                    imprint: Text("'' when not configured"),
                    privacy: Text("'' when not configured"),
                    terms: Text("'' when not configured"),
                  },
                  { description: 'footer links: https:// addresses or paths on this site' },
                ),
              },
              { description: 'how the operator brands this site (BRAND_*)' },
            ),
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
