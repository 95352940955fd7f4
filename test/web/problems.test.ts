import { describe, expect, it } from 'vitest';
import { API_ERRORS, type ErrorCode } from '../../server/errors.js';
import { ApiError } from '../../web/src/lib/api.js';
import { apiProblem, type ApiProblem } from '../../web/src/lib/problems.js';

/**
 * The problem each of the server's error codes is to both clients. A code the server
 * gains fails the type-check here until someone decides what it means to a person.
 */
const EXPECTED: Record<ErrorCode, ApiProblem['code']> = {
  invalid_request: 'refused',
  invalid_envelope: 'refused',
  passphrase_required: 'refused',
  no_passphrase: 'refused',
  alerts_unavailable: 'alertsUnavailable',
  sign_in_required: 'signInRequired',
  invalid_token: 'invalidToken',
  passphrase_mandatory: 'passphraseMandatory',
  not_allowed: 'refused',
  forbidden: 'refused',
  wrong_passphrase: 'wrongPassphrase',
  not_found: 'gone',
  method_not_allowed: 'refused',
  already_answered: 'alreadyAnswered',
  not_answered: 'notAnswered',
  timeout: 'refused',
  too_large: 'tooLarge',
  uri_too_long: 'refused',
  unsupported_media_type: 'refused',
  range_not_satisfiable: 'refused',
  rate_limited: 'rateLimited',
  quota_exceeded: 'quota',
  too_many_uploads: 'busy',
  headers_too_large: 'refused',
  internal: 'refused',
  store_unavailable: 'unavailable',
  store_nearly_full: 'nearlyFull',
  server_busy: 'busy',
  provider_unavailable: 'unavailable',
};

describe('apiProblem', () => {
  it.each(Object.entries(EXPECTED))('classifies %s as %s, with the server’s words', (code, expected) => {
    const status = API_ERRORS[code as ErrorCode].status;
    expect(apiProblem(new ApiError(status, code, `words for ${code}`))).toMatchObject({
      code: expected,
      message: `words for ${code}`,
    });
  });

  it('tells no answer from an answer that is not this API', () => {
    expect(apiProblem(new ApiError(0, 'network', 'unreachable'))?.code).toBe('unreachable');
    expect(apiProblem(new ApiError(0, 'bad_reply', 'HTML'))?.code).toBe('notAServer');
  });

  it('goes by status for a code it does not know, as a proxy in front of the server might answer', () => {
    expect(apiProblem(new ApiError(404, 'unknown', 'Not Found'))?.code).toBe('gone');
    expect(apiProblem(new ApiError(413, 'unknown', 'Payload Too Large'))?.code).toBe('tooLarge');
    expect(apiProblem(new ApiError(429, 'unknown', 'Slow down'))?.code).toBe('rateLimited');
    expect(apiProblem(new ApiError(503, 'unknown', 'Maintenance'))?.code).toBe('unavailable');
    expect(apiProblem(new ApiError(502, 'unknown', 'Bad Gateway'))).toEqual({
      code: 'refused',
      message: 'Bad Gateway',
    });
  });

  it('carries the attempts left of a wrong passphrase, none when the server leaves them out', () => {
    expect(apiProblem(new ApiError(403, 'wrong_passphrase', 'wrong', 3))).toMatchObject({ attemptsLeft: 3 });
    expect(apiProblem(new ApiError(403, 'wrong_passphrase', 'wrong'))).toMatchObject({ attemptsLeft: 0 });
  });

  it('is no API problem when the error is not the API’s', () => {
    expect(apiProblem(new Error('a bug'))).toBeUndefined();
  });
});
