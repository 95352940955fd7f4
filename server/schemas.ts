/**
 * Schemas shared by the routes: each one validates input, serializes output and gives
 * the TypeScript type.
 */
import { Type } from 'typebox';

export const Id = Type.String({ pattern: '^[A-Za-z0-9_-]{21,64}$', description: 'a secret id' });

/** Canonical base64url of exactly 32 bytes: 43 characters, the last with 2 zero bits. */
export const Base64Url32 = Type.String({ pattern: '^[A-Za-z0-9_-]{42}[AEIMQUYcgkosw048]$' });

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
