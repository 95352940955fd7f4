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
  app.addHook('onSend', async (_request, reply) => {
    if (closing) reply.header('connection', 'close');
  });
}

export default fp(drain, { name: 'drain', fastify: '5.x' });
