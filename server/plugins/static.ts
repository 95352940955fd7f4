/**
 * Serves the built page. `/`, `/request` and every /s/…, /r/…, /q/… and /i/… path get the same index.html
 * without looking anything up, so fetching a link tells a scanner nothing and burns
 * nothing. index.html is read once at start-up: it is on every link's path, and
 * sending it from disk each time cost most of the page route's time.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';

async function staticPage(app: FastifyInstance, options: { webRoot: string }) {
  const root = resolve(options.webRoot);
  const indexPath = resolve(root, 'index.html');
  if (!existsSync(indexPath)) {
    throw new Error(`The page is not built: ${indexPath} is missing. Run "npm run build" first.`);
  }
  const page = fixedAnswer(readFileSync(indexPath), 'text/html; charset=utf-8');

  await app.register(fastifyStatic, {
    root,
    index: false,
    // The build writes .br and .gz beside each asset (vite.config.ts).
    preCompressed: true,
    // The security-headers plugin owns Cache-Control.
    cacheControl: false,
    etag: true,
    lastModified: false,
    redirect: false,
    serveDotFiles: false,
  });
  // The page, not the API: out of the OpenAPI document.
  const notApi = { schema: { hide: true } };
  app.get('/', notApi, page);
  app.get('/request', notApi, page);
  for (const prefix of ['s', 'r', 'q', 'i']) app.get(`/${prefix}/*`, notApi, page);
}

/** A handler sending the same bytes every time, with their ETag: 304 when the client has them. */
export function fixedAnswer(body: string | Buffer, type: string) {
  const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"`;
  return (request: FastifyRequest, reply: FastifyReply) => {
    reply.header('etag', etag);
    if (request.headers['if-none-match'] === etag) return reply.code(304).send();
    return reply.type(type).send(body);
  };
}

export default fp(staticPage, { name: 'static-page', fastify: '5.x' });
