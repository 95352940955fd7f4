/**
 * The server a command that creates something talks to: --server, else BURNLINK_SERVER,
 * else the default; and the API token it creates with, from BURNLINK_TOKEN.
 */
import { API_TOKEN_SHAPE, ApiClient } from '../web/src/lib/api.js';
import { DEFAULT_SERVER, SERVER_VARIABLE, TOKEN_VARIABLE, type CliEnv } from './env.js';
import { usageError } from './errors.js';
import { escapeLine } from './terminal.js';

/** The origin to use; links always live at its root, so a path or credentials are refused. */
export function serverOrigin(env: CliEnv, option: string | undefined): string {
  const text = option ?? env.env[SERVER_VARIABLE] ?? DEFAULT_SERVER;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw usageError(`The server "${escapeLine(text)}" is not a URL such as https://burnlink.example.`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw usageError(`The server URL must start with https:// (or http://), not ${escapeLine(url.protocol)}.`);
  }
  if (url.username !== '' || url.password !== '' || url.pathname !== '/' || url.search !== '' || url.hash !== '') {
    throw usageError(`The server must be given as an origin only, such as ${url.protocol}//${url.host}.`);
  }
  return url.origin;
}

/**
 * A client for `send` and `request`: with BURNLINK_TOKEN set, it sends that API token
 * on the create call (and only there). A value that is not a whole token is refused here,
 * before anything is sent: the server would pass over it and answer only "sign in".
 */
export function creatingClient(env: CliEnv, origin: string): ApiClient {
  const token = env.env[TOKEN_VARIABLE]?.trim() || undefined;
  if (token !== undefined && !API_TOKEN_SHAPE.test(token)) {
    throw usageError(
      `${TOKEN_VARIABLE} does not hold a whole burnlink API token (blt_ and 43 characters): ` +
        'check it for a missing or extra character.',
    );
  }
  return new ApiClient(origin, undefined, token);
}
