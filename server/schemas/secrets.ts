/**
 * The schemas of /api/secrets (routes/secrets.routes.ts), one per operation and named
 * for it: what it takes, what it answers and every refusal it can give. They validate
 * and serialize, type the handlers, and make the OpenAPI document.
 */
import { Type } from 'typebox';
import type { Config } from '../config.js';
import { CREATE_SECURITY, MANAGE_TOKEN } from '../plugins/openapi.js';
import {
  AlertRequest,
  Base64Url32,
  BODY_REFUSALS,
  CREATE_AUTH_REFUSALS,
  Ciphertext,
  errorReplies,
  ExpiresAt,
  IdParams,
  ReceiptState,
  STORE_REFUSALS,
  ViewsLeft,
} from './shared.js';

/** The bounds of expiry and views this server takes (from the config). */
export type SecretBounds = Pick<Config, 'minExpiresIn' | 'maxExpiresIn' | 'maxViews'>;

export const createSecret = (bounds: SecretBounds) => ({
  summary: 'Store a secret',
  operationId: 'createSecret',
  security: CREATE_SECURITY,
  body: Type.Object(
    {
      ciphertext: Ciphertext,
      accessHash: Base64Url32,
      unlockHash: Type.Optional(Base64Url32),
      expiresIn: Type.Optional(
        Type.Integer({
          minimum: bounds.minExpiresIn,
          maximum: bounds.maxExpiresIn,
          description: 'seconds until the secret expires; the default is in GET /api/limits',
        }),
      ),
      views: Type.Optional(
        Type.Integer({ minimum: 1, maximum: bounds.maxViews, description: 'views allowed; default 1' }),
      ),
      alert: Type.Optional(AlertRequest('each time the secret is viewed')),
    },
    { additionalProperties: false },
  ),
  response: {
    201: Type.Object(
      {
        id: Type.String({ description: "the secret's id, for its link" }),
        expiresAt: ExpiresAt,
        manageToken: Type.String({ description: 'for the receipt and for burning: keep it private' }),
      },
      { description: 'Stored.' },
    ),
    ...errorReplies(
      ...BODY_REFUSALS,
      ...STORE_REFUSALS,
      ...CREATE_AUTH_REFUSALS,
      'alerts_unavailable',
      'passphrase_mandatory',
    ),
  },
});

export const getSecretStatus = {
  summary: 'Look at a secret without burning anything',
  operationId: 'getSecretStatus',
  params: IdParams,
  body: Type.Object({ access: Base64Url32 }, { additionalProperties: false }),
  response: {
    200: Type.Object(
      {
        expiresAt: ExpiresAt,
        viewsLeft: ViewsLeft,
        passphrase: Type.Boolean({ description: 'whether revealing needs the unlock proof' }),
        attemptsLeft: Type.Integer({ description: 'wrong passphrases allowed before the secret is destroyed' }),
      },
      { description: 'The secret exists and the access proof is right.' },
    ),
    ...errorReplies(...BODY_REFUSALS, 'not_found', 'uri_too_long', 'rate_limited', 'store_unavailable'),
  },
};

export const revealSecret = {
  summary: 'Reveal a secret: check the proofs, return the ciphertext and burn one view, atomically',
  operationId: 'revealSecret',
  params: IdParams,
  body: Type.Object({ access: Base64Url32, unlock: Type.Optional(Base64Url32) }, { additionalProperties: false }),
  // base64url never needs JSON escaping: 'unsafe' skips the serializer's scan of up to megabytes.
  response: {
    200: Type.Object(
      {
        ciphertext: Type.String({ format: 'unsafe', description: 'the envelope, base64url' }),
        viewsLeft: ViewsLeft,
      },
      { description: 'Revealed; one view is used up.' },
    ),
    ...errorReplies(
      ...BODY_REFUSALS,
      'passphrase_required',
      'no_passphrase',
      'wrong_passphrase',
      'not_found',
      'uri_too_long',
      'rate_limited',
      'store_unavailable',
    ),
  },
};

export const burnSecret = {
  summary: 'Burn a secret now (idempotent while its receipt lives)',
  operationId: 'burnSecret',
  security: [{ [MANAGE_TOKEN]: [] }],
  params: IdParams,
  response: {
    204: Type.Null({ description: 'Burned, or already gone while the receipt lives.' }),
    ...errorReplies(...BODY_REFUSALS, 'not_found', 'uri_too_long', 'rate_limited', 'store_unavailable'),
  },
};

export const getReceipt = {
  summary: "The sender's receipt",
  operationId: 'getReceipt',
  security: [{ [MANAGE_TOKEN]: [] }],
  params: IdParams,
  response: {
    200: Type.Object(
      {
        state: ReceiptState,
        createdAt: Type.Union([Type.Integer(), Type.Null()], {
          description:
            'when the secret was stored, in epoch milliseconds; null only for a receipt kept from before the server recorded it',
        }),
        expiresAt: ExpiresAt,
        burnedAt: Type.Union([Type.Integer(), Type.Null()], {
          description:
            'when the secret stopped being viewable, in epoch milliseconds: its last view, the burn, the wrong ' +
            'passphrase that locked it, or its expiry; null while it can still be viewed (and when a receipt kept ' +
            'from before the server recorded it was burned or locked)',
        }),
        viewsLeft: ViewsLeft,
        viewedAt: Type.Array(Type.Integer(), { description: 'when each view was revealed, epoch milliseconds' }),
        failedAttempts: Type.Integer({ description: 'wrong passphrases so far' }),
      },
      { description: 'The receipt.' },
    ),
    ...errorReplies('invalid_request', 'not_found', 'rate_limited', 'store_unavailable'),
  },
};
