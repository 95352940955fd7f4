/**
 * Serves the built page. Each page is built on its own (vite.config.ts) with its own HTML,
 * and each address gets its page's (PAGE_ROUTES) without looking anything up, so fetching
 * a link tells a scanner nothing and burns nothing. The pages are read once at start-up:
 * one is on every link's path, and sending it from disk each time cost most of the page
 * route's time.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { BRAND_CSS_URL, brandedPage, type Brand } from '../brand.js';

/**
 * Each page (`<name>.html` in the built folder) and its addresses, in Fastify's route syntax.
 * The page decides what to show by the same table (web/src/routes.ts, PAGE_PATHS), which
 * test/web/page-routes.test.ts checks against this one.
 */
export const PAGE_ROUTES = {
  create: ['/'],
  reveal: ['/s/*'],
  receipt: ['/r/*'],
  request: ['/request'],
  answer: ['/q/*'],
  inbox: ['/i/*'],
} as const;

async function staticPage(app: FastifyInstance, options: { webRoot: string; brand: Brand }) {
  const root = resolve(options.webRoot);
  const pages = Object.entries(PAGE_ROUTES).map(([name, paths]) => {
    const file = resolve(root, `${name}.html`);
    if (!existsSync(file)) {
      throw new Error(`The page is not built: ${file} is missing. Run "npm run build" first.`);
    }
    // The brand is part of the page, so its ETag changes with it.
    return {
      paths,
      answer: fixedAnswer(brandedPage(readFileSync(file, 'utf8'), options.brand), 'text/html; charset=utf-8'),
    };
  });

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
  for (const { paths, answer } of pages) for (const path of paths) app.get(path, notApi, answer);

  // The same for everyone and no secret: a cache may keep them, asking whether they changed.
  const brandAsset = { ...notApi, config: { cacheControl: 'no-cache' } };
  const { logo, css } = options.brand;
  if (logo) app.get(logo.url, brandAsset, fixedAnswer(logo.body, logo.type));
  if (css !== undefined) app.get(BRAND_CSS_URL, brandAsset, fixedAnswer(css, 'text/css; charset=utf-8'));
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
