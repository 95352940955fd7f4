/**
 * The API's refusals: a stable code, an HTTP status and a sentence a person
 * understands. The error handler turns these into `{error, message}` replies.
 */

/**
 * Every error code the server answers with, its one status and what it means. The
 * OpenAPI document lists them per route from here and the refusal metrics count by
 * them, so a code used anywhere must be added here first (HttpError's type demands it).
 */
export const API_ERRORS = {
  invalid_request: {
    status: 400,
    meaning:
      'a malformed or missing body, path parameter or header, or an unknown field (the message says which); ' +
      'also a URL that cannot be decoded or malformed HTTP',
  },
  invalid_envelope: { status: 400, meaning: 'the ciphertext is not an envelope a burnlink client makes' },
  passphrase_required: {
    status: 400,
    meaning: 'the secret has a passphrase and no unlock proof was sent; not counted as an attempt',
  },
  no_passphrase: {
    status: 400,
    meaning: 'an unlock proof was sent for a secret without a passphrase; not counted as an attempt',
  },
  passphrase_mandatory: {
    status: 400,
    meaning: 'this server takes only secrets with a passphrase (GET /api/limits: passphraseRequired): send unlockHash',
  },
  alerts_unavailable: {
    status: 400,
    meaning: 'an alert address was sent, but this server does not send email alerts (GET /api/limits says so)',
  },
  sign_in_required: {
    status: 401,
    meaning:
      'creating secrets and requests on this server needs a signed-in user or an API token ' +
      '(GET /api/limits says how); reading and answering never do',
  },
  invalid_token: {
    status: 401,
    meaning: 'the API token (Authorization: Bearer blt_…) is unknown, revoked or not a whole token',
  },
  not_allowed: {
    status: 403,
    meaning:
      'the signed-in user may not create here (not in an allowed domain or group), an identity header came from ' +
      'an address that is not the trusted proxy, or the feature is off',
  },
  forbidden: { status: 403, meaning: 'a path of the page that the file system refuses (a NUL byte, a name too long)' },
  wrong_passphrase: {
    status: 403,
    meaning:
      'the unlock proof is wrong; attemptsLeft says how many attempts remain, and at 0 the secret is destroyed ' +
      'and its receipt says locked',
  },
  not_found: {
    status: 404,
    meaning:
      'unknown id, wrong access proof or manage token, expired or burned: one answer for all, so it never ' +
      'tells whether a secret exists',
  },
  method_not_allowed: { status: 405, meaning: 'this method is not allowed on this path' },
  already_answered: { status: 409, meaning: 'the request has already been answered: it takes one answer' },
  not_answered: { status: 409, meaning: 'nobody has answered the request yet; nothing was changed' },
  timeout: { status: 408, meaning: 'the request headers or body took too long to arrive' },
  too_large: { status: 413, meaning: 'the body, or the envelope in it, is larger than this server accepts' },
  uri_too_long: { status: 414, meaning: 'a path parameter is longer than this server accepts' },
  unsupported_media_type: { status: 415, meaning: 'the body is not application/json' },
  range_not_satisfiable: { status: 416, meaning: 'the requested byte range is not part of the file' },
  rate_limited: { status: 429, meaning: 'too many requests from this address; the message says when to retry' },
  quota_exceeded: {
    status: 429,
    meaning:
      'this address has stored as much as it may (size × days kept); Retry-After says when it may again, ' +
      'unless the secret could never fit (then choose a shorter expiry or send less)',
  },
  too_many_uploads: { status: 429, meaning: 'this address is already sending as many secrets at once as it may' },
  headers_too_large: { status: 431, meaning: 'the request headers are larger than this server accepts' },
  internal: { status: 500, meaning: 'a fault of the server, never what a client sent; it is logged' },
  store_unavailable: { status: 503, meaning: 'the storage is unreachable or full; try again later' },
  store_nearly_full: {
    status: 503,
    meaning: 'the storage is short of room and takes only small secrets that expire within a day for now',
  },
  provider_unavailable: {
    status: 503,
    meaning: 'the sign-in provider (OIDC_ISSUER) cannot be reached or answers wrongly; try again later',
  },
  server_busy: {
    status: 503,
    meaning: 'the server is receiving too many bytes at once; Retry-After says when to retry',
  },
} as const satisfies Record<string, { status: number; meaning: string }>;

export type ErrorCode = keyof typeof API_ERRORS;

/** A refusal; its status must be the one API_ERRORS gives its code. */
export class HttpError<C extends ErrorCode = ErrorCode> extends Error {
  constructor(
    readonly statusCode: (typeof API_ERRORS)[C]['status'],
    readonly code: C,
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

/** Whether an error is a refusal, its code typed (`instanceof` would leave it `any`). */
export const isHttpError = (error: unknown): error is HttpError => error instanceof HttpError;

/** One answer for unknown, expired, burned and wrong-proof alike. */
export const secretGone = () =>
  new HttpError(404, 'not_found', 'This secret does not exist: it was already viewed, burned or has expired.');

export const receiptGone = () =>
  new HttpError(404, 'not_found', 'No such receipt: the token is wrong or the receipt has expired.');

export const signInRequired = (mode: 'header' | 'oidc') =>
  new HttpError(
    401,
    'sign_in_required',
    mode === 'oidc'
      ? 'Sign in to create secrets and requests on this server, or send an API token.'
      : 'Creating secrets and requests on this server goes through its sign-in, or needs an API token.',
  );

export const invalidToken = (
  message = 'This API token is unknown or has been revoked; ask the operator for a new one.',
) => new HttpError(401, 'invalid_token', message);

/** REQUIRE_PASSPHRASE: a secret without one is refused before anything is stored. */
export const passphraseMandatory = () =>
  new HttpError(
    400,
    'passphrase_mandatory',
    'This server takes only secrets protected by a passphrase: add one and send again.',
  );

/** ALLOW_REQUESTS=false: no new requests; those already made stay open. */
export const requestsOff = () =>
  new HttpError(403, 'not_allowed', 'This server does not take new requests for a secret.');

export const invalidRequest = (message: string) => new HttpError(400, 'invalid_request', message);

/** Bytes no client makes (docs/FORMAT.md §5): refused before the store is asked. */
export const invalidEnvelope = (why: string) =>
  new HttpError(400, 'invalid_envelope', `The ciphertext is not an envelope a burnlink client makes: ${why}.`);

export const tooLarge = (limit: number, what = 'secret') =>
  new HttpError(413, 'too_large', `The ${what} is larger than this server accepts (${limit} bytes).`);

export const wrongPassphrase = (attemptsLeft: number) =>
  new HttpError(
    403,
    'wrong_passphrase',
    attemptsLeft > 0
      ? `Wrong passphrase. ${attemptsLeft} attempt(s) left before the secret is destroyed.`
      : 'Wrong passphrase. There were too many wrong attempts, so the secret was destroyed.',
    { attemptsLeft },
  );

/** An alert asked of a server without SMTP: refused rather than silently dropped. */
export const alertsUnavailable = () =>
  new HttpError(400, 'alerts_unavailable', 'This server does not send email alerts: leave out the alert address.');
