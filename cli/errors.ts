/**
 * How a command fails: a sentence for stderr and an exit code. 1 means refused, gone or
 * unreachable; 2 means the command line itself was wrong (and nothing was sent).
 */
import { ApiError } from '../web/src/lib/api.js';
import { escapeLine } from './terminal.js';

export const EXIT_OK = 0;
export const EXIT_REFUSED = 1;
export const EXIT_USAGE = 2;
/** `answer`: the request has already been answered (it takes one answer); nothing was sent. */
export const EXIT_ALREADY_ANSWERED = 3;
/** `get` with an inbox link: nobody has answered yet; nothing was changed, so try again later. */
export const EXIT_NOT_ANSWERED = 4;

type FailureCode = typeof EXIT_REFUSED | typeof EXIT_USAGE | typeof EXIT_ALREADY_ANSWERED | typeof EXIT_NOT_ANSWERED;

export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: FailureCode,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

/** The command line is wrong; nothing has been sent anywhere. */
export const usageError = (message: string) => new CliError(message, EXIT_USAGE);

/** Refused, gone, unreachable or otherwise failed at run time. */
export const refused = (message: string) => new CliError(message, EXIT_REFUSED);

export const GONE_MESSAGE = 'This secret has already been viewed or has expired.';

/**
 * A sentence for an API failure (`gone` for a 404). The server's own words are escaped:
 * the server of a link is whichever one its sender chose. Anything that is not an
 * ApiError is rethrown.
 */
export function fromApi(error: unknown, origin: string, gone = GONE_MESSAGE): CliError {
  if (!(error instanceof ApiError)) throw error;
  if (error.status === 404) return refused(gone);
  if (error.status === 0 && error.code === 'network') return refused(`Cannot reach the server at ${origin}.`);
  const said = escapeLine(error.message);
  if (error.status === 0) return refused(`${origin} did not answer like a burnlink server: ${said}`);
  if (error.code === 'rate_limited') {
    return refused('Too many requests from here just now. Wait a minute and try again.');
  }
  if (error.status === 413) return refused('The secret is too large for this server.');
  return refused(`The server refused: ${said}`);
}
