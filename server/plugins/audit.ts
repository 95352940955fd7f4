/**
 * The audit log (AUDIT_LOG): who created what and when, and which secrets their senders
 * burned, as JSON lines for the operator's own log system. Written after the store has
 * taken the change. It holds the creator's name, a hash of the id (never the id: with
 * the id and a link's key, a secret opens), a size bucket, the expiry and the views;
 * never a link, key, proof, token, ciphertext or an alert's address.
 */
import { hash } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { openAuditSink } from '../audit/audit-log.js';
import type { Config } from '../config.js';

export interface CreatedFacts {
  id: string;
  /** The envelope's size in bytes; only its bucket is written. */
  bytes: number;
  expiresIn: number;
  expiresAt: number;
  alert: boolean;
}

export interface Audit {
  secretCreated(request: FastifyRequest, facts: CreatedFacts & { views: number; passphrase: boolean }): void;
  requestCreated(request: FastifyRequest, facts: CreatedFacts): void;
  secretBurned(id: string): void;
}

declare module 'fastify' {
  interface FastifyInstance {
    audit: Audit;
  }
}

/** SHA-256 of the id, its first 16 hex digits: enough to match a burn to its creation, useless for opening. */
export const idHash = (id: string) => hash('sha256', id).slice(0, 16);

/** The size rounded up to a power of two, at least 1 KiB: how big, roughly, and no more. */
export const sizeBucket = (bytes: number) => Math.max(1024, 2 ** Math.ceil(Math.log2(Math.max(bytes, 1))));

async function audit(app: FastifyInstance, options: { config: Config; stdout?: NodeJS.WritableStream }) {
  const sink = openAuditSink(options.config.auditLog, options.stdout ?? process.stdout, (error) =>
    app.log.error({ err: error }, 'could not write to the audit log'),
  );
  if (!sink) {
    // Off (the default): no line to build, so no hash and no dates on every create.
    app.decorate('audit', { secretCreated() {}, requestCreated() {}, secretBurned() {} } satisfies Audit);
    return;
  }
  const record = (event: string, fields: Record<string, unknown>) =>
    sink.write(`${JSON.stringify({ time: new Date().toISOString(), event, ...fields })}\n`);
  const created = (request: FastifyRequest, { id, bytes, expiresIn, expiresAt, alert }: CreatedFacts) => ({
    who: request.creator?.name ?? null,
    via: request.creator?.via ?? null,
    idHash: idHash(id),
    sizeBucket: sizeBucket(bytes),
    expiresIn,
    expiresAt: new Date(expiresAt).toISOString(),
    alert,
  });
  app.decorate('audit', {
    secretCreated: (request, facts) =>
      record('secret_created', { ...created(request, facts), views: facts.views, passphrase: facts.passphrase }),
    requestCreated: (request, facts) => record('request_created', created(request, facts)),
    secretBurned: (id) => record('secret_burned', { idHash: idHash(id) }),
  } satisfies Audit);
  app.log.info({ auditLog: options.config.auditLog }, 'audit log on');
  app.addHook('onClose', () => sink.close());
}

export default fp(audit, { name: 'audit', fastify: '5.x' });
