/**
 * Who is creating: the one identity every way of signing in comes down to. Creating a
 * secret or a request may need one (CREATE_AUTH); reading, answering, the receipt and the
 * inbox never do. The audit log records its name; nothing else about the person is kept.
 */
import type { FastifyRequest } from 'fastify';

export interface Creator {
  /** How the identity was established. */
  via: 'header' | 'session' | 'token';
  /** What the audit log records: the proxy's user or email, the session's email, the token's name. */
  name: string;
}

/**
 * Finds the creator of a request one way; undefined when that way says nothing about
 * this request (no header, no cookie, no token), an HttpError when it speaks and refuses
 * (a revoked token, a tampered session).
 */
export type CreatorResolver = (request: FastifyRequest) => Creator | undefined | Promise<Creator | undefined>;
