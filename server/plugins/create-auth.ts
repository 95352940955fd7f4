/**
 * Who may create (CREATE_AUTH). Each way of establishing a creator (an API token, the
 * trusted proxy's header, the sign-in session) adds its resolver with
 * `app.addCreatorResolver`; the create routes run `createGuard(app)`, which asks them in
 * order and, unless CREATE_AUTH is `none`, refuses a request none of them vouches for.
 */
import type { FastifyInstance, FastifyRequest, onRequestHookHandler } from 'fastify';
import fp from 'fastify-plugin';
import type { Creator, CreatorResolver } from '../auth/creator.js';
import type { Config } from '../config.js';
import { signInRequired } from '../errors.js';

declare module 'fastify' {
  interface FastifyInstance {
    addCreatorResolver(resolver: CreatorResolver): void;
    /** The creator this request carries, if any way vouches for one. */
    creatorOf(request: FastifyRequest): Promise<Creator | undefined>;
  }
  interface FastifyRequest {
    /** Set by createGuard on the create routes: who creates, or null when creating is open and nobody said. */
    creator: Creator | null;
  }
}

async function createAuth(app: FastifyInstance, { config }: { config: Config }) {
  const resolvers: CreatorResolver[] = [];
  app.decorate('addCreatorResolver', (resolver: CreatorResolver) => {
    resolvers.push(resolver);
  });
  app.decorate('creatorOf', async (request: FastifyRequest) => {
    for (const resolve of resolvers) {
      const creator = await resolve(request);
      if (creator) return creator;
    }
    return undefined;
  });
  app.decorateRequest('creator', null);
  app.decorate('createMode', config.createAuth);
}

declare module 'fastify' {
  interface FastifyInstance {
    /** CREATE_AUTH, as the create guard and the public settings read it. */
    createMode: Config['createAuth'];
  }
}

/** The create routes' hook: records the creator, and refuses when creating needs one and none is there. */
export function createGuard(app: FastifyInstance): onRequestHookHandler[] {
  return [
    async (request) => {
      const creator = await app.creatorOf(request);
      if (creator) request.creator = creator;
      else if (app.createMode !== 'none') throw signInRequired(app.createMode);
    },
  ];
}

export default fp(createAuth, { name: 'create-auth', fastify: '5.x' });
