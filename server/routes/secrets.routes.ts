/**
 * /api/secrets: create, look, reveal, burn, receipt (DESIGN §3). The routes hash
 * proofs and tokens; the store only ever sees and compares hashes.
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { nanoid } from 'nanoid';
import { Type } from 'typebox';
import type { Config } from '../config.js';
import { readEnvelope } from '../envelope-input.js';
import { secretEnvelopeProblem } from '../envelope-shape.js';
import { alertsUnavailable, HttpError, invalidRequest, receiptGone, secretGone, wrongPassphrase } from '../errors.js';
import { MANAGE_TOKEN } from '../plugins/openapi.js';
import { byteBudget } from '../plugins/byte-budget.js';
import { rateLimiter } from '../plugins/rate-limit.js';
import { uploadCap } from '../plugins/upload-cap.js';
import { proofHash } from '../proof-hash.js';
import { newManageToken } from '../random-token.js';
import {
  AlertRequest,
  Base64Url32,
  Ciphertext,
  BODY_REFUSALS,
  errorReplies,
  ExpiresAt,
  IdParams,
  ReceiptState,
  ViewsLeft,
} from '../schemas.js';

const BEARER = /^Bearer ([A-Za-z0-9_-]{42}[AEIMQUYcgkosw048])$/;

/** The hash of the manage token in the Authorization header; a malformed header is a 400. */
function manageHash(request: FastifyRequest): Buffer {
  const match = BEARER.exec(request.headers.authorization ?? '');
  if (!match) throw invalidRequest('Send the manage token as "Authorization: Bearer TOKEN".');
  return proofHash(match[1]!);
}

export default async function secretsRoutes(app: FastifyInstance, { config }: { config: Config }) {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  // Room for the base64url text of the largest envelope plus the JSON around it.
  const createBodyLimit = Math.ceil((config.maxSecretBytes * 4) / 3) + 1024;
  const createLimit = rateLimiter(app, config.rateLimitCreate, 'create');
  // Status and reveal share one budget: both answer whether a guessed id and proof are right.
  const revealLimit = rateLimiter(app, config.rateLimitReveal, 'reveal');
  // Receipt and burn take the manage token, not the link's proofs: the sender's budget,
  // not one a recipient behind the same address would run out of.
  const manageLimit = rateLimiter(app, config.rateLimitManage, 'manage');

  api.post(
    '/api/secrets',
    {
      bodyLimit: createBodyLimit,
      onRequest: [...createLimit, ...uploadCap(app)],
      preHandler: byteBudget(app, (body: { ciphertext: string; expiresIn?: number }) => ({
        bytes: Math.floor((body.ciphertext.length * 3) / 4),
        seconds: body.expiresIn ?? config.defaultExpiresIn,
      })),
      schema: {
        summary: 'Store a secret',
        operationId: 'createSecret',
        body: Type.Object(
          {
            ciphertext: Ciphertext,
            accessHash: Base64Url32,
            unlockHash: Type.Optional(Base64Url32),
            expiresIn: Type.Optional(
              Type.Integer({
                minimum: config.minExpiresIn,
                maximum: config.maxExpiresIn,
                description: 'seconds until the secret expires; the default is in GET /api/limits',
              }),
            ),
            views: Type.Optional(
              Type.Integer({ minimum: 1, maximum: config.maxViews, description: 'views allowed; default 1' }),
            ),
            alert: Type.Optional(AlertRequest('each time the secret is viewed')),
          },
          { additionalProperties: false },
        ),
        response: {
          201: Type.Object(
            {
              id: Type.String({ description: "the secret's id, for its link" }),
              expiresAt: ExpiresAt,
              manageToken: Type.String({ description: 'for the receipt and for burning: keep it private' }),
            },
            { description: 'Stored.' },
          ),
          ...errorReplies(
            ...BODY_REFUSALS,
            'invalid_envelope',
            'alerts_unavailable',
            'rate_limited',
            'quota_exceeded',
            'too_many_uploads',
            'store_unavailable',
            'store_nearly_full',
            'server_busy',
          ),
        },
      },
    },
    async (request, reply) => {
      const body = request.body;
      if (body.alert && !app.alerts.enabled) throw alertsUnavailable();
      const ciphertext = readEnvelope(body.ciphertext, config.maxSecretBytes, (envelope) =>
        secretEnvelopeProblem(envelope, body.unlockHash !== undefined),
      );
      const manageToken = newManageToken();
      const id = nanoid();
      const { expiresAt } = await app.store.create({
        id,
        ciphertext,
        accessHash: Buffer.from(body.accessHash, 'base64url'),
        unlockHash: body.unlockHash === undefined ? undefined : Buffer.from(body.unlockHash, 'base64url'),
        manageHash: proofHash(manageToken),
        views: body.views ?? 1,
        ttlSeconds: body.expiresIn ?? config.defaultExpiresIn,
        ...(body.alert && { alert: body.alert }),
      });
      app.metrics.count('secrets_created');
      return reply.code(201).send({ id, expiresAt, manageToken });
    },
  );

  api.post(
    '/api/secrets/:id/status',
    {
      onRequest: revealLimit,
      schema: {
        summary: 'Look at a secret without burning anything',
        operationId: 'getSecretStatus',
        params: IdParams,
        body: Type.Object({ access: Base64Url32 }, { additionalProperties: false }),
        response: {
          200: Type.Object(
            {
              expiresAt: ExpiresAt,
              viewsLeft: ViewsLeft,
              passphrase: Type.Boolean({ description: 'whether revealing needs the unlock proof' }),
              attemptsLeft: Type.Integer({ description: 'wrong passphrases allowed before the secret is destroyed' }),
            },
            { description: 'The secret exists and the access proof is right.' },
          ),
          ...errorReplies(...BODY_REFUSALS, 'not_found', 'uri_too_long', 'rate_limited', 'store_unavailable'),
        },
      },
    },
    async (request) => {
      const status = await app.store.status(request.params.id, proofHash(request.body.access));
      if (!status) throw secretGone();
      return status;
    },
  );

  api.post(
    '/api/secrets/:id/reveal',
    {
      onRequest: revealLimit,
      schema: {
        summary: 'Reveal a secret: check the proofs, return the ciphertext and burn one view, atomically',
        operationId: 'revealSecret',
        params: IdParams,
        body: Type.Object({ access: Base64Url32, unlock: Type.Optional(Base64Url32) }, { additionalProperties: false }),
        // base64url never needs JSON escaping: 'unsafe' skips the serializer's scan of up to megabytes.
        response: {
          200: Type.Object(
            {
              ciphertext: Type.String({ format: 'unsafe', description: 'the envelope, base64url' }),
              viewsLeft: ViewsLeft,
            },
            { description: 'Revealed; one view is used up.' },
          ),
          ...errorReplies(
            ...BODY_REFUSALS,
            'passphrase_required',
            'no_passphrase',
            'wrong_passphrase',
            'not_found',
            'uri_too_long',
            'rate_limited',
            'store_unavailable',
          ),
        },
      },
    },
    async (request) => {
      const { access, unlock } = request.body;
      const outcome = await app.store.reveal({
        id: request.params.id,
        accessHash: proofHash(access),
        unlockHash: unlock === undefined ? undefined : proofHash(unlock),
      });
      switch (outcome.kind) {
        case 'revealed':
          app.metrics.count('secrets_revealed', outcome.viewsLeft === 0 ? 'true' : 'false');
          if (outcome.alert) {
            app.alerts.notify(outcome.alert, { kind: 'secret_viewed', at: Date.now(), viewsLeft: outcome.viewsLeft });
          }
          return { ciphertext: Buffer.from(outcome.ciphertext).toString('base64url'), viewsLeft: outcome.viewsLeft };
        case 'not_found':
          throw secretGone();
        case 'unlock_required':
          throw new HttpError(400, 'passphrase_required', 'This secret needs its passphrase: send the unlock proof.');
        case 'unlock_unexpected':
          throw new HttpError(400, 'no_passphrase', 'This secret has no passphrase: do not send an unlock proof.');
        case 'wrong_passphrase':
          app.metrics.count('passphrase_failures');
          if (outcome.attemptsLeft === 0) app.metrics.count('secrets_locked');
          throw wrongPassphrase(outcome.attemptsLeft);
      }
    },
  );

  api.delete(
    '/api/secrets/:id',
    {
      onRequest: manageLimit,
      schema: {
        summary: 'Burn a secret now (idempotent while its receipt lives)',
        operationId: 'burnSecret',
        security: [{ [MANAGE_TOKEN]: [] }],
        params: IdParams,
        response: {
          204: Type.Null({ description: 'Burned, or already gone while the receipt lives.' }),
          ...errorReplies(...BODY_REFUSALS, 'not_found', 'uri_too_long', 'rate_limited', 'store_unavailable'),
        },
      },
    },
    async (request, reply) => {
      if (!(await app.store.burn(request.params.id, manageHash(request)))) throw receiptGone();
      app.metrics.count('secrets_burned');
      return reply.code(204).send(null);
    },
  );

  api.get(
    '/api/secrets/:id/receipt',
    {
      onRequest: manageLimit,
      schema: {
        summary: "The sender's receipt",
        operationId: 'getReceipt',
        security: [{ [MANAGE_TOKEN]: [] }],
        params: IdParams,
        response: {
          200: Type.Object(
            {
              state: ReceiptState,
              expiresAt: ExpiresAt,
              viewsLeft: ViewsLeft,
              viewedAt: Type.Array(Type.Integer(), { description: 'when each view was revealed, epoch milliseconds' }),
              failedAttempts: Type.Integer({ description: 'wrong passphrases so far' }),
            },
            { description: 'The receipt.' },
          ),
          ...errorReplies('invalid_request', 'not_found', 'rate_limited', 'store_unavailable'),
        },
      },
    },
    async (request) => {
      const receipt = await app.store.receipt(request.params.id, manageHash(request));
      if (!receipt) throw receiptGone();
      return receipt;
    },
  );
}
