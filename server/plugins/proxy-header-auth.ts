/**
 * CREATE_AUTH=header: an auth proxy in front (oauth2-proxy, Authelia, Pomerium, nginx
 * auth_request) signs people in and names them in a header (AUTH_HEADER). The header is
 * believed only from the proxy itself: the immediate peer of the connection, checked
 * against TRUST_PROXY with the same rules Fastify uses for X-Forwarded-For. Anyone else
 * sending it is refused outright rather than ignored, so a proxy missing from
 * TRUST_PROXY shows as a clear 403 instead of as users who can never create.
 */
import { compile } from '@fastify/proxy-addr';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Creator } from '../auth/creator.js';
import { listOf, type Config } from '../config.js';
import { HttpError, invalidRequest } from '../errors.js';

/** The longest name taken: an email address is at most 254 characters. */
const MAX_NAME_LENGTH = 256;
/** C0 and C1 controls and DEL (Node's parser lets a tab and bytes above 0x7f through). */
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/** The resolver of header mode: the proxy's user, from the first of `names` present. */
export function proxyHeaderResolver(names: string[], trustProxy: string) {
  const headers = names.map((name) => name.toLowerCase());
  const trusted = compile(listOf(trustProxy));
  return (request: FastifyRequest): Creator | undefined => {
    const header = headers.find((name) => typeof request.headers[name] === 'string' && request.headers[name] !== '');
    if (header === undefined) return undefined;
    // The socket's peer, not request.ip: X-Forwarded-For is exactly what a forger writes.
    const peer = request.socket.remoteAddress;
    if (peer === undefined || !trusted(peer, 0)) {
      request.log.warn('identity header from an address not in TRUST_PROXY refused');
      throw untrustedHeader();
    }
    return { via: 'header', name: validName(request, header) };
  };
}

/** The header's value, once, without controls, of a sensible length. */
function validName(request: FastifyRequest, header: string): string {
  // Node joins a repeated header with ", ": a proxy that appends rather than replaces
  // would pass a client's own value on beside its own.
  const raw = request.raw.rawHeaders.filter(
    (_, i) => i % 2 === 0 && request.raw.rawHeaders[i]!.toLowerCase() === header,
  );
  const name = String(request.headers[header]).trim();
  if (raw.length > 1 || name === '' || name.length > MAX_NAME_LENGTH || CONTROL.test(name)) {
    throw invalidRequest(
      `The identity header ${header} must be sent once, holding one user name or email address of up to ` +
        `${MAX_NAME_LENGTH} characters without control characters; check the auth proxy's configuration.`,
    );
  }
  return name;
}

const untrustedHeader = () =>
  new HttpError(
    403,
    'not_allowed',
    'This server takes the identity header only from its sign-in proxy, and this request did not come through ' +
      'it. Open the site through its usual address.',
  );

async function proxyHeaderAuth(app: FastifyInstance, { config }: { config: Config }) {
  if (config.createAuth !== 'header' || typeof config.trustProxy !== 'string') return;
  app.addCreatorResolver(proxyHeaderResolver(listOf(config.authHeader), config.trustProxy));
}

export default fp(proxyHeaderAuth, { name: 'proxy-header-auth', fastify: '5.x', dependencies: ['create-auth'] });
