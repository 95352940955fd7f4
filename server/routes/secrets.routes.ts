/**
 * /api/secrets: create, look, reveal, burn, receipt (DESIGN §3). The routes hash
 * proofs and tokens; the store only ever sees and compares hashes.
 */
import { createHash } from 'node:crypto';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { nanoid } from 'nanoid';
import { Type } from 'typebox';
import { decodeCanonical } from '../base64url.js';
import type { Config } from '../config.js';
import { HttpError, invalidRequest, receiptGone, secretGone, tooLarge, wrongPassphrase } from '../errors.js';
import { rateLimiter } from '../plugins/rate-limit.js';
import { newManageToken } from '../random-token.js';
import { Base64Url32, Ciphertext, ErrorReply, IdParams, ReceiptState } from '../schemas.js';

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest();
const proofHash = (proof: string) => sha256(Buffer.from(proof, 'base64url'));

const BEARER = /^Bearer ([A-Za-z0-9_-]{42}[AEIMQUYcgkosw048])$/;

/** The hash of the manage token in the Authorization header; a malformed header is a 400. */
function manageHash(request: FastifyRequest): Buffer {
  const match = BEARER.exec(request.headers.authorization ?? '');
  if (!match) throw invalidRequest('Send the manage token as "Authorization: Bearer TOKEN".');
  return proofHash(match[1]!);
}

const Errors = { 400: ErrorReply, 403: ErrorReply, 404: ErrorReply, 413: ErrorReply, 429: ErrorReply, 503: ErrorReply };

export default async function secretsRoutes(app: FastifyInstance, { config }: { config: Config }) {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  // Room for the base64url text of the largest envelope plus the JSON around it.
  const createBodyLimit = Math.ceil((config.maxSecretBytes * 4) / 3) + 1024;
  const createLimit = rateLimiter(app, config.rateLimitCreate, 'create');
  // Status and reveal share one budget: both answer whether a guessed id and proof are right.
  const revealLimit = rateLimiter(app, config.rateLimitReveal, 'reveal');

  api.post(
    '/api/secrets',
    {
      bodyLimit: createBodyLimit,
      onRequest: createLimit,
      schema: {
        body: Type.Object(
          {
            ciphertext: Ciphertext,
            accessHash: Base64Url32,
            unlockHash: Type.Optional(Base64Url32),
            expiresIn: Type.Optional(Type.Integer({ minimum: config.minExpiresIn, maximum: config.maxExpiresIn })),
            views: Type.Optional(Type.Integer({ minimum: 1, maximum: config.maxViews })),
          },
          { additionalProperties: false },
        ),
        response: {
          201: Type.Object({ id: Type.String(), expiresAt: Type.Integer(), manageToken: Type.String() }),
          ...Errors,
        },
      },
    },
    async (request, reply) => {
      const body = request.body;
      if (Math.floor((body.ciphertext.length * 3) / 4) > config.maxSecretBytes) throw tooLarge(config.maxSecretBytes);
      const ciphertext = decodeCanonical(body.ciphertext);
      if (!ciphertext) throw invalidRequest('The ciphertext is not canonical base64url.');
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
      });
      return reply.code(201).send({ id, expiresAt, manageToken });
    },
  );

  api.post(
    '/api/secrets/:id/status',
    {
      onRequest: revealLimit,
      schema: {
        params: IdParams,
        body: Type.Object({ access: Base64Url32 }, { additionalProperties: false }),
        response: {
          200: Type.Object({
            expiresAt: Type.Integer(),
            viewsLeft: Type.Integer(),
            passphrase: Type.Boolean(),
            attemptsLeft: Type.Integer(),
          }),
          ...Errors,
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
        params: IdParams,
        body: Type.Object({ access: Base64Url32, unlock: Type.Optional(Base64Url32) }, { additionalProperties: false }),
        // base64url never needs JSON escaping: 'unsafe' skips the serializer's scan of up to megabytes.
        response: {
          200: Type.Object({ ciphertext: Type.String({ format: 'unsafe' }), viewsLeft: Type.Integer() }),
          ...Errors,
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
          return { ciphertext: Buffer.from(outcome.ciphertext).toString('base64url'), viewsLeft: outcome.viewsLeft };
        case 'not_found':
          throw secretGone();
        case 'unlock_required':
          throw new HttpError(400, 'passphrase_required', 'This secret needs its passphrase: send the unlock proof.');
        case 'unlock_unexpected':
          throw new HttpError(400, 'no_passphrase', 'This secret has no passphrase: do not send an unlock proof.');
        case 'wrong_passphrase':
          throw wrongPassphrase(outcome.attemptsLeft);
      }
    },
  );

  api.delete(
    '/api/secrets/:id',
    { schema: { params: IdParams, response: { 204: Type.Null(), ...Errors } } },
    async (request, reply) => {
      if (!(await app.store.burn(request.params.id, manageHash(request)))) throw receiptGone();
      return reply.code(204).send(null);
    },
  );

  api.get(
    '/api/secrets/:id/receipt',
    {
      schema: {
        params: IdParams,
        response: {
          200: Type.Object({
            state: ReceiptState,
            expiresAt: Type.Integer(),
            viewsLeft: Type.Integer(),
            viewedAt: Type.Array(Type.Integer()),
            failedAttempts: Type.Integer(),
          }),
          ...Errors,
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
