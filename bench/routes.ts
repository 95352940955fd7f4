/**
 * The four routes a secret's life goes through, measured in an order where each feeds
 * the next: create (its 201 replies give the ids), status on those ids, reveal on
 * them (each secret allows `views` views, so nearly every reveal is a real 200), then the reveal page (`GET /s/ID`, no store lookup). Each is paired with its bare
 * twin (bench/bare-server.mjs): the very same requests to a bare Fastify route.
 */
import type { EnvelopeFixture } from './envelope.js';
import {
  measurePaired,
  sameRequestsTo,
  type LoadResult,
  type LoadSettings,
  type LoadTarget,
  type Server,
} from './load.js';

/** Views allowed per created secret: reveal walks the ids round-robin, up to this many times. */
export const VIEWS_PER_SECRET = 10;

/** A route's figures and those of what it was paired with, measured between its slices. */
export interface RouteResult {
  route: LoadResult;
  /** The bare twin (same requests, bare Fastify), or another burnlink server. */
  other: LoadResult;
}

export interface RouteResults {
  create: RouteResult;
  status: RouteResult;
  reveal: RouteResult;
  page: RouteResult;
  /** Secrets created by the create runs (warm-up included): the pool the others use. */
  secrets: number;
}

/** The requests of each route; status, reveal and the page walk `ids`, which create fills. */
export function routeTargets(server: Server, fixture: EnvelopeFixture, ids: string[], views: number) {
  const accessBody = JSON.stringify({ access: fixture.access });
  const { origin, pid } = server;
  // Functions, called once create has filled `ids`.
  return {
    create: (): LoadTarget => ({
      origin,
      pid,
      method: 'POST',
      paths: ['/api/secrets'],
      body: createBody(fixture, views),
      ids,
    }),
    status: (): LoadTarget => ({
      origin,
      pid,
      method: 'POST',
      paths: ids.map((id) => `/api/secrets/${id}/status`),
      body: accessBody,
    }),
    reveal: (): LoadTarget => ({
      origin,
      pid,
      method: 'POST',
      paths: ids.map((id) => `/api/secrets/${id}/reveal`),
      body: accessBody,
    }),
    page: (): LoadTarget => ({ origin, pid, method: 'GET', paths: ids.map((id) => `/s/${id}`) }),
  };
}

/** The body of a create: a real sealed envelope allowing `views` views. */
export function createBody(fixture: EnvelopeFixture, views: number): string {
  return JSON.stringify({
    ciphertext: Buffer.from(fixture.envelope).toString('base64url'),
    accessHash: fixture.accessHash,
    views,
  });
}

/** Measures create, status, reveal and the page on a running burnlink server, each paired with its bare twin. */
export async function measureRoutes(
  server: Server,
  bare: Server,
  fixture: EnvelopeFixture,
  settings: LoadSettings,
  views: number,
): Promise<RouteResults> {
  const ids: string[] = [];
  const targets = routeTargets(server, fixture, ids, views);
  const paired = (route: LoadTarget): Promise<RouteResult> =>
    measurePaired(route, sameRequestsTo(route, bare), settings);
  const create = await paired(targets.create());
  if (ids.length === 0) throw new Error(`no secret was created (${create.route.non2xx} failed answers)`);
  const status = await paired(targets.status());
  const reveal = await paired(targets.reveal());
  const page = await paired(targets.page());
  return { create, status, reveal, page, secrets: ids.length };
}
