/**
 * Two dependencies declare `engines: node >=22` (npm warns EBADENGINE on Node 20):
 * content-disposition 3 (from @fastify/static) and cookie 2 (from light-my-request, which
 * Fastify's inject uses). Both are ES modules that their CommonJS dependents `require()`,
 * which Node 20 does from 20.19 on without a flag (package.json asks for >=20.19). This
 * loads each from where its dependent finds it and uses what the dependent uses, so a
 * version that really needs Node 22 fails here rather than in production.
 */
import { createRequire } from 'node:module';
import { expect, it } from 'vitest';

const fromPackage = (name: string) => createRequire(createRequire(import.meta.url).resolve(`${name}/package.json`));

it('loads content-disposition as @fastify/static does, and its header is right', () => {
  const { create } = fromPackage('@fastify/static')('content-disposition') as {
    create: (name: string) => string;
  };
  expect(create('ä .bashrc')).toBe(`attachment; filename="? .bashrc"; filename*=UTF-8''%C3%A4%20.bashrc`);
});

it('loads cookie as light-my-request does, and inject reads a Set-Cookie', async () => {
  const { stringifySetCookie } = fromPackage('light-my-request')('cookie') as {
    stringifySetCookie: (cookie: { name: string; value: string; httpOnly?: boolean }) => string;
  };
  expect(stringifySetCookie({ name: 'a', value: 'b', httpOnly: true })).toBe('a=b; HttpOnly');

  type Inject = (
    dispatch: (
      request: unknown,
      response: { setHeader(name: string, value: string): void; end(body: string): void },
    ) => void,
    options: { url: string; cookies: Record<string, string> },
  ) => Promise<{ cookies: unknown[] }>;
  const inject = fromPackage('fastify')('light-my-request') as Inject;
  const res = await inject(
    (_request, response) => {
      response.setHeader('set-cookie', 'a=b; HttpOnly');
      response.end('{}');
    },
    { url: '/', cookies: { sent: 'x' } },
  );
  expect(res.cookies).toEqual([{ name: 'a', value: 'b', httpOnly: true }]);
});
