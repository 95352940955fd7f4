/**
 * API tokens on the create routes: `Authorization: Bearer blt_…` names a creator (the
 * token's name) whatever CREATE_AUTH is. A token this server never made, or one revoked,
 * is refused with 401 invalid_token rather than passed over, so a script learns at once
 * that its token is dead. A Bearer value without the `blt_` prefix is not ours to judge
 * (an auth proxy may pass its own, as oauth2-proxy's --pass-authorization-header does):
 * it is left to the other ways of signing in. The token is read from the header only here
 * and never logged (the request serializer in app.ts logs the method and route alone).
 */
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { API_TOKEN_PREFIX, API_TOKEN_SHAPE } from '../auth/api-token.js';
import { ApiTokenRegistry } from '../auth/token-registry.js';
import type { Config } from '../config.js';
import { invalidToken } from '../errors.js';

const BEARER_API_TOKEN = new RegExp(`^Bearer +(${API_TOKEN_PREFIX}\\S*) *$`, 'i');

/** The API token in an Authorization header, if it carries one. */
export function bearerApiToken(header: string | undefined): string | undefined {
  return header === undefined ? undefined : BEARER_API_TOKEN.exec(header)?.[1];
}

async function apiTokens(app: FastifyInstance, { config }: { config: Config }) {
  const path = config.apiTokensFile;
  const registry =
    path === undefined
      ? undefined
      : await ApiTokenRegistry.open(path, { onProblem: (message) => app.log.error(message) });
  app.addCreatorResolver(async (request) => {
    const token = bearerApiToken(request.headers.authorization);
    if (token === undefined) return undefined;
    if (!API_TOKEN_SHAPE.test(token)) {
      throw invalidToken('This is not a whole burnlink API token: blt_ followed by 43 characters.');
    }
    const record = await registry?.find(token);
    if (!record || record.revokedAt !== null) throw invalidToken();
    return { via: 'token', name: record.name };
  });
}

export default fp(apiTokens, { name: 'api-tokens', fastify: '5.x', dependencies: ['create-auth'] });
