/**
 * The bare twin every route of `npm run bench` is compared with: a Fastify app on the same
 * Node as the real server that takes the very same requests (any path; a POST's JSON body
 * parsed) and answers small JSON, doing nothing else. So "of bare" says what share of a
 * bare Fastify route parsing the same body a route keeps, once it does its real work.
 * Plain JavaScript, so it runs on bare `node` exactly as dist/server/main.js does.
 */
import Fastify from 'fastify';

const app = Fastify({ logger: false });
app.get('/*', async () => ({ hello: 'world' }));
app.post('/*', async (request) => ({ ok: typeof request.body === 'object' }));

process.once('SIGTERM', () => app.close().then(() => process.exit(0)));
await app.listen({ host: '127.0.0.1', port: Number(process.env.PORT) });
