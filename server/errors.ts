/**
 * The API's refusals: a stable code, an HTTP status and a sentence a person
 * understands. The error handler turns these into `{error, message}` replies.
 */

export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    /** Extra fields of the reply body, e.g. attemptsLeft. */
    readonly extra: Record<string, unknown> = {},
  ) {
    // A refusal is an answer, not a fault: its stack is never logged, and capturing one
    // was the costliest step of answering a 404 to someone trying ids.
    const stackTraceLimit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    super(message);
    Error.stackTraceLimit = stackTraceLimit;
    this.name = 'HttpError';
  }
}

/** One answer for unknown, expired, burned and wrong-proof alike. */
export const secretGone = () =>
  new HttpError(404, 'not_found', 'This secret does not exist: it was already viewed, burned or has expired.');

export const receiptGone = () =>
  new HttpError(404, 'not_found', 'No such receipt: the token is wrong or the receipt has expired.');

export const invalidRequest = (message: string) => new HttpError(400, 'invalid_request', message);

export const tooLarge = (limit: number) =>
  new HttpError(413, 'too_large', `The secret is larger than this server accepts (${limit} bytes).`);

export const wrongPassphrase = (attemptsLeft: number) =>
  new HttpError(
    403,
    'wrong_passphrase',
    attemptsLeft > 0
      ? `Wrong passphrase. ${attemptsLeft} attempt(s) left before the secret is destroyed.`
      : 'Wrong passphrase. There were too many wrong attempts, so the secret was destroyed.',
    { attemptsLeft },
  );
