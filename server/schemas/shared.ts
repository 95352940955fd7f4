/**
 * The pieces the routes' schemas (secrets.ts, requests.ts) are built of: each one
 * validates input, serializes output and gives the TypeScript type.
 */
import { Type, type TObject } from 'typebox';
import { ALERT_ADDRESS_MAX_LENGTH, ALERT_ADDRESS_PATTERN } from '../alerts/alert-address.js';
import { API_ERRORS, type ErrorCode } from '../errors.js';

const ID_PATTERN = '^[A-Za-z0-9_-]{21,64}$';
/** Canonical base64url of exactly 32 bytes: 43 characters, the last with 2 zero bits. */
const BASE64URL_32 = '[A-Za-z0-9_-]{42}[AEIMQUYcgkosw048]';
const BASE64URL_32_PATTERN = `^${BASE64URL_32}$`;
// The length in the pattern, not minLength: Ajv would count the code points one by one,
// ~20 ms of blocked event loop for a 7 MiB envelope.
const CIPHERTEXT_PATTERN = '^[A-Za-z0-9_-]{2,}$';
const LANGUAGE_TAG_PATTERN = '^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8}){0,3}$';

/** What each pattern asks for, in words: a refusal says this, never the regex. */
export const PATTERN_MEANINGS: Readonly<Record<string, string>> = {
  [ID_PATTERN]: 'must be a secret id: 21 to 64 characters of A-Z, a-z, 0-9, "-" and "_"',
  [BASE64URL_32_PATTERN]: 'must be 32 bytes in canonical base64url: 43 characters of A-Z, a-z, 0-9, "-" and "_"',
  [CIPHERTEXT_PATTERN]: 'must be base64url text (A-Z, a-z, 0-9, "-" and "_"), at least 2 characters',
  [ALERT_ADDRESS_PATTERN]: 'must be an email address (name@domain, without a display name)',
  [LANGUAGE_TAG_PATTERN]: 'must be a language tag such as "en" or "de-AT"',
};

export const Id = Type.String({ pattern: ID_PATTERN, description: 'a secret id' });
export const Base64Url32 = Type.String({ pattern: BASE64URL_32_PATTERN, description: '32 bytes, canonical base64url' });
/** An envelope in base64url; its size limit is checked by the route, from the config. */
export const Ciphertext = Type.String({
  pattern: CIPHERTEXT_PATTERN,
  description: 'the envelope (docs/FORMAT.md), canonical base64url',
});

export const IdParams = Type.Object({ id: Id });

/**
 * The Authorization header of the routes secured by the manage token (32 bytes, like
 * every Base64Url32); the token is group 1. The header is declared as the document's
 * security scheme (plugins/openapi.ts), not as a schema Fastify checks: the routes match it.
 */
export const BEARER_MANAGE_TOKEN = new RegExp(`^Bearer (${BASE64URL_32})$`);

export const ExpiresAt = Type.Integer({ description: 'when the secret expires, in epoch milliseconds' });
export const ViewsLeft = Type.Integer({ description: 'views left before the secret is gone' });

/** Where to send an alert that carries no secret (only when the server sends alerts: GET /api/limits). */
export const AlertRequest = (when: string) =>
  Type.Object(
    {
      email: Type.String({
        pattern: ALERT_ADDRESS_PATTERN,
        maxLength: ALERT_ADDRESS_MAX_LENGTH,
        description: 'the address to tell; kept only while it may be needed, never shown to the other party',
      }),
      language: Type.String({
        pattern: LANGUAGE_TAG_PATTERN,
        description: 'the language of the alert, as a language tag ("en", "de-AT"); English unless German',
      }),
    },
    { additionalProperties: false, description: `Send an email ${when}: what happened and when, nothing secret.` },
  );

/**
 * What Fastify refuses before a route with a JSON body runs: a body that is not JSON or
 * not valid, not application/json, or too large. Spread into errorReplies.
 */
export const BODY_REFUSALS = ['invalid_request', 'unsupported_media_type', 'too_large'] as const;
/**
 * What a route that stores an envelope may also answer: a shape no client makes, and
 * each limit on what one client (or everyone) may store and send.
 */
export const STORE_REFUSALS = [
  'invalid_envelope',
  'rate_limited',
  'quota_exceeded',
  'too_many_uploads',
  'store_unavailable',
  'store_nearly_full',
  'server_busy',
] as const;

/**
 * What a create route may also answer when creating needs a creator (CREATE_AUTH, API
 * tokens): nobody vouched for, a token unknown or revoked, a creator or an identity header
 * this server does not take.
 */
export const CREATE_AUTH_REFUSALS = ['sign_in_required', 'invalid_token', 'not_allowed'] as const;

/**
 * A route's refusals, one answer per status: the `{error, message}` shape with the
 * codes it can carry, each described (from API_ERRORS). List every code the route can
 * give: the OpenAPI document and the clients' types come from this.
 */
export function errorReplies<const C extends ErrorCode>(...codes: C[]): Record<number, TObject> {
  const byStatus = new Map<number, C[]>();
  for (const code of codes) {
    const { status } = API_ERRORS[code];
    byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  }
  return Object.fromEntries(
    [...byStatus].map(([status, group]) => [
      status,
      Type.Object(
        {
          error: Type.Unsafe<C>({ type: 'string', enum: group }),
          message: Type.String({ description: 'what went wrong, in a sentence a person understands' }),
          ...(group.includes('wrong_passphrase' as C) && {
            attemptsLeft: Type.Integer({
              minimum: 0,
              description: 'wrong passphrases allowed before the secret is destroyed',
            }),
          }),
        },
        { description: group.map((code) => `\`${code}\`: ${API_ERRORS[code].meaning}.`).join('\n') },
      ),
    ]),
  );
}

export const ReceiptState = Type.Union(
  [
    Type.Literal('pending'),
    Type.Literal('viewed'),
    Type.Literal('burned'),
    Type.Literal('expired'),
    Type.Literal('locked'),
  ],
  {
    description:
      'pending: can still be viewed; viewed: every view used; burned: by the sender; expired; locked: too many wrong passphrases',
  },
);
