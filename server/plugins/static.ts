/**
 * Serves the built page. `/` and every /s/… and /r/… path get the same index.html
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
  const index = readFileSync(indexPath);
  const etag = `"${createHash('sha256').update(index).digest('base64url').slice(0, 22)}"`;

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
  const page = (request: FastifyRequest, reply: FastifyReply) => {
    reply.header('etag', etag);
    if (request.headers['if-none-match'] === etag) return reply.code(304).send();
    return reply.type('text/html; charset=utf-8').send(index);
  };
  app.get('/', page);
  app.get('/s/*', page);
  app.get('/r/*', page);
}

export default fp(staticPage, { name: 'static-page', fastify: '5.x' });
