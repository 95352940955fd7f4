/**
 * The schemas of /api/requests (routes/requests.routes.ts), one per operation and named
 * for it: what it takes, what it answers and every refusal it can give. They validate
 * and serialize, type the handlers, and make the OpenAPI document.
 */
import { Type } from 'typebox';
import type { Config } from '../config.js';
import {
  AlertRequest,
  Base64Url32,
  BODY_REFUSALS,
  Ciphertext,
  errorReplies,
  IdParams,
  STORE_REFUSALS,
} from './shared.js';

/** The bounds of expiry this server takes (from the config). */
export type RequestBounds = Pick<Config, 'minExpiresIn' | 'maxExpiresIn'>;

const Access = Type.Object({ access: Base64Url32 }, { additionalProperties: false });

const RequestState = Type.Union([Type.Literal('open'), Type.Literal('answered')], {
  description: 'open: waiting for its one answer; answered: someone has answered it',
});
const InboxState = Type.Union(
  [Type.Literal('open'), Type.Literal('answered'), Type.Literal('read'), Type.Literal('expired')],
  {
    description:
      'open: not answered yet; answered: an answer waits to be revealed; read: the answer was revealed (and ' +
      'destroyed); expired: the request or its answer ran out of time',
  },
);
const When = (description: string) => Type.Integer({ description: `${description}, in epoch milliseconds` });
const Timestamp = (description: string) => Type.Union([When(description), Type.Null()]);

export const createRequest = (bounds: RequestBounds) => ({
  summary: 'Ask for a secret: store a request',
  operationId: 'createRequest',
  body: Type.Object(
    {
      ciphertext: Ciphertext,
      accessHash: Base64Url32,
      inboxHash: Base64Url32,
      expiresIn: Type.Optional(
        Type.Integer({
          minimum: bounds.minExpiresIn,
          maximum: bounds.maxExpiresIn,
          description: 'seconds the request stays open; the default is in GET /api/limits',
        }),
      ),
      alert: Type.Optional(AlertRequest('when the request is answered')),
    },
    { additionalProperties: false },
  ),
  response: {
    201: Type.Object(
      { id: Type.String({ description: "the request's id, for both links" }), expiresAt: When('when it closes') },
      { description: 'Stored.' },
    ),
    ...errorReplies(...BODY_REFUSALS, ...STORE_REFUSALS, 'alerts_unavailable', 'not_allowed'),
  },
});

export const getRequestStatus = {
  summary: "The responder's view of a request: its envelope while open; burns nothing",
  operationId: 'getRequestStatus',
  params: IdParams,
  body: Access,
  response: {
    200: Type.Object(
      {
        state: RequestState,
        expiresAt: When('open: when it closes; answered: when the answer will be gone'),
        // Not format 'unsafe' as for answers: a request envelope is small, and the union
        // beside it makes the serializer compile this schema with Ajv, which warns of it.
        ciphertext: Type.Optional(Type.String({ description: 'the request envelope, base64url; only while open' })),
      },
      { description: 'The request exists and the access proof is right.' },
    ),
    ...errorReplies(...BODY_REFUSALS, 'not_found', 'uri_too_long', 'rate_limited', 'store_unavailable'),
  },
};

export const answerRequest = {
  summary: 'Answer a request once, with an envelope sealed to the requester',
  operationId: 'answerRequest',
  params: IdParams,
  body: Type.Object({ access: Base64Url32, ciphertext: Ciphertext }, { additionalProperties: false }),
  response: {
    201: Type.Object(
      { expiresAt: When('when the answer will be gone unless revealed before') },
      { description: 'The answer is stored; the request is now answered.' },
    ),
    ...errorReplies(...BODY_REFUSALS, ...STORE_REFUSALS, 'not_found', 'already_answered', 'uri_too_long'),
  },
};

export const getInbox = {
  summary: "The requester's inbox: whether the request has been answered; burns nothing",
  operationId: 'getInbox',
  params: IdParams,
  body: Access,
  response: {
    200: Type.Object(
      {
        state: InboxState,
        expiresAt: When('open: when the request closes; answered: when the answer will be gone'),
        answeredAt: Timestamp('when it was answered'),
        readAt: Timestamp('when the answer was revealed'),
        ciphertext: Type.Optional(
          Type.String({
            description: 'the request envelope, base64url, so the inbox can show its note; until the answer is read',
          }),
        ),
      },
      { description: 'The inbox exists and the inbox proof is right.' },
    ),
    ...errorReplies(...BODY_REFUSALS, 'not_found', 'uri_too_long', 'rate_limited', 'store_unavailable'),
  },
};

export const revealAnswer = {
  summary: 'Reveal the answer: return it and destroy it, atomically',
  operationId: 'revealAnswer',
  params: IdParams,
  body: Access,
  response: {
    200: Type.Object(
      { ciphertext: Type.String({ format: 'unsafe', description: 'the sealed answer, base64url' }) },
      { description: 'Revealed; the answer is destroyed on the server.' },
    ),
    ...errorReplies(...BODY_REFUSALS, 'not_found', 'not_answered', 'uri_too_long', 'rate_limited', 'store_unavailable'),
  },
};
