/** The server a command that creates something talks to: --server, else BURNLINK_SERVER, else the default. */
import { DEFAULT_SERVER, SERVER_VARIABLE, type CliEnv } from './env.js';
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
