/**
 * /api/requests: ask someone for a secret (DESIGN §5a, docs/FORMAT.md §7–§8). The
 * requester stores a request envelope; the responder, with the request link's proof,
 * reads it and answers once with a sealed envelope; the requester, with the inbox
 * proof, sees the inbox and reveals the answer once. The routes hash the proofs; the
 * store compares hashes. Unknown id, wrong proof and expired all answer one 404.
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { nanoid } from 'nanoid';
import type { Config } from '../config.js';
import { envelopeBodyLimit, readEnvelope } from '../envelope-input.js';
import { envelopeShapeProblem, REQUEST_ENVELOPE, SEALED_ENVELOPE, type EnvelopeKind } from '../envelope-shape.js';
import { alertsUnavailable, HttpError, requestsOff } from '../errors.js';
import { byteBudget } from '../plugins/byte-budget.js';
import { createGuard } from '../plugins/create-auth.js';
import { rateLimiter } from '../plugins/rate-limit.js';
import { uploadCap } from '../plugins/upload-cap.js';
import { proofHash } from '../proof-hash.js';
import * as schemas from '../schemas/requests.js';

const refuseRequests = async () => {
  throw requestsOff();
};

/** The largest request envelope a client makes: a public key and a 2000-byte note, padded (docs/FORMAT.md §7.2). */
const MAX_REQUEST_ENVELOPE_BYTES = 14 + 2048 + 16;

const requestGone = () =>
  new HttpError(404, 'not_found', 'This request does not exist: it was answered and read, or it has expired.');

export default async function requestsRoutes(app: FastifyInstance, { config }: { config: Config }) {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  const createLimit = rateLimiter(app, config.rateLimitCreate, 'create');
  const revealLimit = rateLimiter(app, config.rateLimitReveal, 'reveal');

  /** The request's envelope or the answer's, decoded and checked for shape; a refusal throws. */
  const envelope = (text: string, kind: EnvelopeKind, maxBytes: number, what: string) =>
    readEnvelope(text, maxBytes, (bytes) => envelopeShapeProblem(bytes, [kind]), what);

  api.post(
    '/api/requests',
    {
      // Off: refused before sign-in is asked for or the body is read.
      onRequest: [
        ...createLimit,
        ...(config.allowRequests ? [] : [refuseRequests]),
        ...createGuard(app),
        ...uploadCap(app),
      ],
      ...byteBudget(app, config),
      schema: schemas.createRequest(config),
    },
    async (request, reply) => {
      const { body } = request;
      if (body.alert && !app.alerts.enabled) throw alertsUnavailable();
      const id = nanoid();
      const requestEnvelope = envelope(
        body.ciphertext,
        REQUEST_ENVELOPE,
        MAX_REQUEST_ENVELOPE_BYTES,
        'request envelope',
      );
      const expiresIn = body.expiresIn ?? config.defaultExpiresIn;
      const { expiresAt } = await app.requests.createRequest({
        id,
        envelope: requestEnvelope,
        accessHash: Buffer.from(body.accessHash, 'base64url'),
        inboxHash: Buffer.from(body.inboxHash, 'base64url'),
        ttlSeconds: expiresIn,
        ...(body.alert && { alert: body.alert }),
      });
      app.metrics.count('requests_created');
      app.audit.requestCreated(request, {
        id,
        bytes: requestEnvelope.length,
        expiresIn,
        expiresAt,
        alert: body.alert !== undefined,
      });
      return reply.code(201).send({ id, expiresAt });
    },
  );

  api.post(
    '/api/requests/:id/status',
    { onRequest: revealLimit, schema: schemas.getRequestStatus },
    async (request) => {
      const status = await app.requests.requestStatus(request.params.id, proofHash(request.body.access));
      if (!status) throw requestGone();
      return {
        state: status.state,
        expiresAt: status.expiresAt,
        ...(status.envelope && { ciphertext: Buffer.from(status.envelope).toString('base64url') }),
      };
    },
  );

  api.post(
    '/api/requests/:id/answer',
    {
      // Answers carry what secrets carry: the same size limit and budgets. An answer is
      // charged as if kept for the default expiry (it has no expiresIn): the request's own
      // lifetime, which the answer gets, is known only to the store, and asking it first
      // would cost a round trip.
      bodyLimit: envelopeBodyLimit(config.maxSecretBytes),
      onRequest: [...createLimit, ...uploadCap(app)],
      ...byteBudget(app, config),
      schema: schemas.answerRequest,
    },
    async (request, reply) => {
      const answer = envelope(request.body.ciphertext, SEALED_ENVELOPE, config.maxSecretBytes, 'answer');
      const outcome = await app.requests.answer(request.params.id, proofHash(request.body.access), answer);
      if (outcome.kind === 'not_found') throw requestGone();
      if (outcome.kind === 'already_answered') {
        throw new HttpError(409, 'already_answered', 'This request has already been answered: it takes one answer.');
      }
      app.metrics.count('requests_answered');
      if (outcome.alert) {
        app.alerts.notify(outcome.alert, { kind: 'request_answered', at: Date.now(), readBy: outcome.expiresAt });
      }
      return reply.code(201).send({ expiresAt: outcome.expiresAt });
    },
  );

  api.post('/api/requests/:id/inbox', { onRequest: revealLimit, schema: schemas.getInbox }, async (request) => {
    const inbox = await app.requests.inbox(request.params.id, proofHash(request.body.access));
    if (!inbox) throw requestGone();
    const { envelope: requestEnvelope, ...rest } = inbox;
    return {
      ...rest,
      ...(requestEnvelope && { ciphertext: Buffer.from(requestEnvelope).toString('base64url') }),
    };
  });

  api.post('/api/requests/:id/reveal', { onRequest: revealLimit, schema: schemas.revealAnswer }, async (request) => {
    const outcome = await app.requests.readAnswer(request.params.id, proofHash(request.body.access));
    if (outcome.kind === 'not_found') throw requestGone();
    if (outcome.kind === 'not_answered') {
      throw new HttpError(409, 'not_answered', 'Nobody has answered this request yet. Nothing was changed.');
    }
    app.metrics.count('answers_read');
    return { ciphertext: Buffer.from(outcome.answer).toString('base64url') };
  });
}
