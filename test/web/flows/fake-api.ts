/**
 * A stand-in for the page's API client: each test says what the calls it expects
 * answer, and refusals are the `ApiError`s the real client throws for the server's
 * replies. The codes come from the server's own schemas (api-types.ts), so a code a
 * route gains fails the type-check of the tests that list that route's refusals.
 */
import { expect } from 'vitest';
import { API_ERRORS, type ErrorCode } from '../../../server/errors.js';
import { ApiClient, ApiError, type Limits } from '../../../web/src/lib/api.js';
import type { operations } from '../../../web/src/lib/api-types.js';

type ErrorOf<Response> = Response extends { content: { 'application/json': { error: infer Code } } } ? Code : never;

/** Every error code an operation can answer (`operations['revealSecret']`…), as its schema lists them. */
export type RefusalCode<Operation extends keyof operations> = operations[Operation] extends {
  responses: infer Responses;
}
  ? { [Status in keyof Responses]: ErrorOf<Responses[Status]> }[keyof Responses]
  : never;

/**
 * What any call can end in besides its route's own refusals: a fault of the server
 * (500, on every route), and the client's own codes for no usable answer at all.
 */
/** The server's limits, as the flows that ask for them are given them. */
export const LIMITS: Limits = {
  maxSecretBytes: 1_000_000,
  maxViews: 100,
  expiresIn: { min: 300, max: 2_592_000, default: 86_400 },
  expiryChoices: [300, 3_600, 86_400, 604_800, 2_592_000],
  alerts: false,
  files: true,
  passphraseRequired: false,
  requests: true,
  brand: { name: 'burnlink', operator: '', logo: '', lead: '', links: { imprint: '', privacy: '', terms: '' } },
  create: { auth: 'none', allowed: true, user: null },
};

/** The id of the secret or request every flow test works on. */
export const ID = 'AbCdEfGhIjKlMnOpQrStU';

export const EVERY_CALL = ['internal', 'network', 'bad_reply'] as const;
export type EveryCallCode = (typeof EVERY_CALL)[number];

/** The sentence the server sends with a refusal; a page that quotes it shows this. */
export function serverMessage(code: string): string {
  return `The server’s words for ${code}.`;
}

/** The error the real client throws when the server refuses with `code` (or, for `network`/`bad_reply`, answers nothing usable). */
export function refusal(code: ErrorCode | EveryCallCode, extra: { attemptsLeft?: number } = {}): ApiError {
  if (code === 'network') return new ApiError(0, 'network', 'The server could not be reached.');
  if (code === 'bad_reply') return new ApiError(0, 'bad_reply', 'The server sent damaged data.');
  return new ApiError(API_ERRORS[code].status, code, serverMessage(code), extra.attemptsLeft);
}

type Calls = {
  [Method in keyof ApiClient]: ApiClient[Method] extends (...args: infer Args) => unknown ? Args[] : never;
};

/** A client whose calls answer as `answers` says; any other call fails the test. `calls` records the arguments of each. */
export function fakeApi(answers: Partial<ApiClient>): ApiClient & { calls: Partial<Calls> } {
  // Nothing reaches the network: a call the test did not answer throws before fetch.
  const api = new ApiClient('https://burnlink.invalid', () =>
    Promise.reject(new Error('the fake client has no network')),
  );
  const calls: Record<string, unknown[][]> = {};
  const answering = answers as Record<string, ((...args: unknown[]) => unknown) | undefined>;
  for (const method of Object.getOwnPropertyNames(ApiClient.prototype)) {
    if (method === 'constructor') continue;
    Object.defineProperty(api, method, {
      value: (...args: unknown[]) => {
        (calls[method] ??= []).push(args);
        const answer = answering[method];
        if (!answer) throw new Error(`the test did not expect a call to ${method}()`);
        return answer(...args);
      },
    });
  }
  return Object.assign(api, { calls });
}

/** The arguments of the one call a method received; fails unless it was called exactly once. */
export function theOneCall<Args>(calls: Args[] | undefined): Args {
  expect(calls).toHaveLength(1);
  return calls![0]!;
}
