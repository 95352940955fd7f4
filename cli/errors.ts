/**
 * How a command fails: a sentence for stderr and an exit code. 1 means refused, gone or
 * unreachable; 2 means the command line itself was wrong (and nothing was sent).
 */
import { ApiError } from '../web/src/lib/api.js';

export const EXIT_OK = 0;
export const EXIT_REFUSED = 1;
export const EXIT_USAGE = 2;

export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: typeof EXIT_REFUSED | typeof EXIT_USAGE,
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

/** A sentence for an API failure that the command has no better words for. */
export function apiFailure(error: ApiError, origin: string): CliError {
  if (error.status === 404) return refused(GONE_MESSAGE);
  if (error.status === 0 && error.code === 'network') return refused(`Cannot reach the server at ${origin}.`);
  if (error.status === 0) return refused(`${origin} did not answer like a burnlink server: ${error.message}`);
  if (error.status === 429) return refused('Too many requests from here just now. Wait a minute and try again.');
  if (error.status === 413) return refused('The secret is too large for this server.');
  return refused(`The server refused: ${error.message}`);
}

/** Rethrows anything that is not an ApiError; turns an ApiError into a CliError. */
export function fromApi(error: unknown, origin: string): CliError {
  if (error instanceof ApiError) return apiFailure(error, origin);
  throw error;
}
