/**
 * /api/secrets: create, look, reveal, burn, receipt (DESIGN §3). The routes hash
 * proofs and tokens; the store only ever sees and compares hashes.
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { nanoid } from 'nanoid';
import type { Config } from '../config.js';
import { envelopeBodyLimit, readEnvelope } from '../envelope-input.js';
import { secretEnvelopeProblem } from '../envelope-shape.js';
import {
  alertsUnavailable,
  HttpError,
  invalidRequest,
  passphraseMandatory,
  receiptGone,
  secretGone,
  wrongPassphrase,
} from '../errors.js';
import { newManageToken } from '../manage-token.js';
import { byteBudget } from '../plugins/byte-budget.js';
import { createGuard } from '../plugins/create-auth.js';
import { rateLimiter } from '../plugins/rate-limit.js';
import { uploadCap } from '../plugins/upload-cap.js';
import { proofHash } from '../proof-hash.js';
import * as schemas from '../schemas/secrets.js';
import { BEARER_MANAGE_TOKEN } from '../schemas/shared.js';

/** The hash of the manage token in the Authorization header; a malformed header is a 400. */
function manageHash(request: FastifyRequest): Buffer {
  const match = BEARER_MANAGE_TOKEN.exec(request.headers.authorization ?? '');
  if (!match) throw invalidRequest('Send the manage token as "Authorization: Bearer TOKEN".');
  return proofHash(match[1]!);
}

export default async function secretsRoutes(app: FastifyInstance, { config }: { config: Config }) {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  const createLimit = rateLimiter(app, config.rateLimitCreate, 'create');
  // Status and reveal share one budget: both answer whether a guessed id and proof are right.
  const revealLimit = rateLimiter(app, config.rateLimitReveal, 'reveal');
  // Receipt and burn take the manage token, not the link's proofs: the sender's budget,
  // not one a recipient behind the same address would run out of.
  const manageLimit = rateLimiter(app, config.rateLimitManage, 'manage');

  api.post(
    '/api/secrets',
    {
      bodyLimit: envelopeBodyLimit(config.maxSecretBytes),
      onRequest: [...createLimit, ...createGuard(app), ...uploadCap(app)],
      ...byteBudget(app, config),
      schema: schemas.createSecret(config),
    },
    async (request, reply) => {
      const body = request.body;
      if (config.requirePassphrase && body.unlockHash === undefined) throw passphraseMandatory();
      if (body.alert && !app.alerts.enabled) throw alertsUnavailable();
      const ciphertext = readEnvelope(body.ciphertext, config.maxSecretBytes, (envelope) =>
        secretEnvelopeProblem(envelope, body.unlockHash !== undefined),
      );
      const manageToken = newManageToken();
      const id = nanoid();
      const views = body.views ?? 1;
      const expiresIn = body.expiresIn ?? config.defaultExpiresIn;
      const { expiresAt } = await app.store.create({
        id,
        ciphertext,
        accessHash: Buffer.from(body.accessHash, 'base64url'),
        unlockHash: body.unlockHash === undefined ? undefined : Buffer.from(body.unlockHash, 'base64url'),
        manageHash: proofHash(manageToken),
        views,
        ttlSeconds: expiresIn,
        ...(body.alert && { alert: body.alert }),
      });
      app.metrics.count('secrets_created');
      app.audit.secretCreated(request, {
        id,
        bytes: ciphertext.length,
        expiresIn,
        expiresAt,
        views,
        passphrase: body.unlockHash !== undefined,
        alert: body.alert !== undefined,
      });
      return reply.code(201).send({ id, expiresAt, manageToken });
    },
  );

  api.post('/api/secrets/:id/status', { onRequest: revealLimit, schema: schemas.getSecretStatus }, async (request) => {
    const status = await app.store.status(request.params.id, proofHash(request.body.access));
    if (!status) throw secretGone();
    return status;
  });

  api.post('/api/secrets/:id/reveal', { onRequest: revealLimit, schema: schemas.revealSecret }, async (request) => {
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
  });

  api.delete('/api/secrets/:id', { onRequest: manageLimit, schema: schemas.burnSecret }, async (request, reply) => {
    if (!(await app.store.burn(request.params.id, manageHash(request)))) throw receiptGone();
    app.metrics.count('secrets_burned');
    app.audit.secretBurned(request.params.id);
    return reply.code(204).send(null);
  });

  api.get('/api/secrets/:id/receipt', { onRequest: manageLimit, schema: schemas.getReceipt }, async (request) => {
    const receipt = await app.store.receipt(request.params.id, manageHash(request));
    if (!receipt) throw receiptGone();
    return receipt;
  });
}
