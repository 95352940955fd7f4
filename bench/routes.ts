/**
 * The four routes a secret's life goes through, measured in an order where each feeds
 * the next: create (its 201 replies give the ids), status on those ids, reveal on
 * them (each secret allows VIEWS_PER_SECRET views, so nearly every reveal is a real
 * 200), then the reveal page (`GET /s/ID`, no store lookup).
 */
import type { EnvelopeFixture } from './envelope.js';
import { measurePaired, type LoadResult, type LoadSettings, type LoadTarget, type Slice } from './load.js';

/** Views allowed per created secret: reveal walks the ids round-robin, up to this many times. */
export const VIEWS_PER_SECRET = 10;

/** A route's figures and those of the ceiling measured between its slices. */
export interface RouteResult {
  route: LoadResult;
  ceiling: LoadResult;
}

export interface RouteResults {
  create: RouteResult;
  status: RouteResult;
  reveal: RouteResult;
  page: RouteResult;
  /** Secrets created by the create runs (warm-up included): the pool the others use. */
  secrets: number;
}

/**
 * Measures create, status, reveal and the page on a running burnlink server, each
 * paired with the ceiling; also returns the ceiling's raw slices for pooling.
 */
export async function measureRoutes(
  origin: string,
  fixture: EnvelopeFixture,
  ceiling: LoadTarget,
  settings: LoadSettings,
): Promise<{ results: RouteResults; ceilingSlices: Slice[] }> {
  const ceilingSlices: Slice[] = [];
  const paired = async (route: LoadTarget): Promise<RouteResult> => {
    const result = await measurePaired(route, ceiling, settings);
    ceilingSlices.push(...result.ceilingSlices);
    return { route: result.route, ceiling: result.ceiling };
  };

  const ids: string[] = [];
  const create = await paired({
    origin,
    method: 'POST',
    path: () => '/api/secrets',
    body: JSON.stringify({
      ciphertext: Buffer.from(fixture.envelope).toString('base64url'),
      accessHash: fixture.accessHash,
      views: VIEWS_PER_SECRET,
    }),
    onResponse: (status, body) => {
      if (status === 201) ids.push((JSON.parse(body) as { id: string }).id);
    },
  });
  if (ids.length === 0) {
    throw new Error(`no secret was created (status codes: ${JSON.stringify(create.route.statusCodes)})`);
  }

  const accessBody = JSON.stringify({ access: fixture.access });
  const status = await paired({
    origin,
    method: 'POST',
    path: rotate(ids, (id) => `/api/secrets/${id}/status`),
    body: accessBody,
  });
  const reveal = await paired({
    origin,
    method: 'POST',
    path: rotate(ids, (id) => `/api/secrets/${id}/reveal`),
    body: accessBody,
  });
  const page = await paired({
    origin,
    method: 'GET',
    path: rotate(ids, (id) => `/s/${id}`),
  });
  return { results: { create, status, reveal, page, secrets: ids.length }, ceilingSlices };
}

/** A path function that walks the ids round-robin, across all connections. */
function rotate(ids: readonly string[], path: (id: string) => string): () => string {
  const paths = ids.map(path);
  let next = 0;
  return () => paths[next++ % paths.length]!;
}
