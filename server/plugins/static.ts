/**
 * Serves the built page. Every /s/… and /r/… path gets the same index.html without
 * looking anything up, so fetching a link tells a scanner nothing and burns nothing.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

async function staticPage(app: FastifyInstance, options: { webRoot: string }) {
  const root = resolve(options.webRoot);
  if (!existsSync(resolve(root, 'index.html'))) {
    throw new Error(`The page is not built: ${root}/index.html is missing. Run "npm run build" first.`);
  }
  await app.register(fastifyStatic, {
    root,
    // The security-headers plugin owns Cache-Control.
    cacheControl: false,
    etag: true,
    lastModified: false,
    redirect: false,
    serveDotFiles: false,
  });
  const page = (_request: unknown, reply: { sendFile(name: string): unknown }) => reply.sendFile('index.html');
  app.get('/s/*', page);
  app.get('/r/*', page);
}

export default fp(staticPage, { name: 'static-page', fastify: '5.x' });
