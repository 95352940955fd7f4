/**
 * Schemas shared by the routes: each one validates input, serializes output and gives
 * the TypeScript type.
 */
import { Type } from 'typebox';

const ID_PATTERN = '^[A-Za-z0-9_-]{21,64}$';
/** Canonical base64url of exactly 32 bytes: 43 characters, the last with 2 zero bits. */
const BASE64URL_32_PATTERN = '^[A-Za-z0-9_-]{42}[AEIMQUYcgkosw048]$';
// The length in the pattern, not minLength: Ajv would count the code points one by one,
// ~20 ms of blocked event loop for a 7 MiB envelope.
const CIPHERTEXT_PATTERN = '^[A-Za-z0-9_-]{2,}$';

/** What each pattern asks for, in words: a refusal says this, never the regex. */
export const PATTERN_MEANINGS: Readonly<Record<string, string>> = {
  [ID_PATTERN]: 'must be a secret id: 21 to 64 characters of A-Z, a-z, 0-9, "-" and "_"',
  [BASE64URL_32_PATTERN]: 'must be 32 bytes in canonical base64url: 43 characters of A-Z, a-z, 0-9, "-" and "_"',
  [CIPHERTEXT_PATTERN]: 'must be base64url text (A-Z, a-z, 0-9, "-" and "_"), at least 2 characters',
};

export const Id = Type.String({ pattern: ID_PATTERN, description: 'a secret id' });
export const Base64Url32 = Type.String({ pattern: BASE64URL_32_PATTERN });
/** An envelope in base64url; its size limit is checked by the route, from the config. */
export const Ciphertext = Type.String({ pattern: CIPHERTEXT_PATTERN });

export const IdParams = Type.Object({ id: Id });

export const ErrorReply = Type.Object({
  error: Type.String(),
  message: Type.String(),
  attemptsLeft: Type.Optional(Type.Integer()),
});

export const ReceiptState = Type.Union([
  Type.Literal('pending'),
  Type.Literal('viewed'),
  Type.Literal('burned'),
  Type.Literal('expired'),
  Type.Literal('locked'),
]);
