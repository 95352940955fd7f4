/**
 * Graceful close: once the app starts closing, every answer still being sent asks the
 * client to close its connection. Without it, a keep-alive socket whose last request
 * finished during the drain would hold the shutdown open for the keep-alive timeout.
 */
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

async function drain(app: FastifyInstance) {
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  // Callback style: this runs on every answer, and an async hook costs a promise each.
  app.addHook('onSend', (_request, reply, payload, done) => {
    if (closing) reply.header('connection', 'close');
    done(null, payload);
  });
}

export default fp(drain, { name: 'drain', fastify: '5.x' });
