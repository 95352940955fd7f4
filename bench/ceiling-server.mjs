/**
 * The ceiling for `npm run bench`: a bare Fastify app on the same Node as the real
 * server, with nothing but one small-JSON route (and a POST twin that parses a JSON
 * body, to show what body parsing alone costs). Plain JavaScript, so it runs on bare
 * `node` exactly as dist/server/main.js does, with no loader in between.
 */
import Fastify from 'fastify';

const app = Fastify({ logger: false });
app.get('/', async () => ({ hello: 'world' }));
app.post('/echo', async (request) => ({ ok: typeof request.body === 'object' }));

process.once('SIGTERM', () => app.close().then(() => process.exit(0)));
await app.listen({ host: '127.0.0.1', port: Number(process.env.PORT) });
