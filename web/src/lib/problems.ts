/**
 * What a failed API call means, classified once for both clients: the page words each
 * problem through its catalogs (pages/problems.ts), the CLI in English (cli/errors.ts).
 * Neither reads statuses or error codes itself, so the two cannot drift apart.
 */
import { ApiError } from './api.js';

/** What went wrong, one kind per thing a person can do about it. */
type ProblemKind =
  /** Nothing answered: the network, or no server at that address. */
  | { readonly code: 'unreachable' }
  /** Something answered, but not like this API: a proxy's page, or damaged data. */
  | { readonly code: 'notAServer' }
  /** Unknown, expired, burned, already read, or a wrong proof: the server tells none apart. */
  | { readonly code: 'gone' }
  /** Nothing was burned; at 0 attempts left the secret has been destroyed. */
  | { readonly code: 'wrongPassphrase'; readonly attemptsLeft: number }
  /** A request takes one answer, and it has one. */
  | { readonly code: 'alreadyAnswered' }
  /** Nobody has answered the request yet; nothing was changed. */
  | { readonly code: 'notAnswered' }
  /** Creating here needs a signed-in user or an API token, and none came with the call. */
  | { readonly code: 'signInRequired' }
  /** The API token sent is unknown to the server, revoked, or not a whole token. */
  | { readonly code: 'invalidToken' }
  /** An email alert was asked of a server that sends none; nothing was stored. */
  | { readonly code: 'alertsUnavailable' }
  /** The server takes only secrets with a passphrase (REQUIRE_PASSPHRASE); nothing was stored. */
  | { readonly code: 'passphraseMandatory' }
  | { readonly code: 'tooLarge' }
  | { readonly code: 'rateLimited' }
  /** This client has stored as much as it may for now (size × days kept). */
  | { readonly code: 'quota' }
  /** The store takes only small secrets that expire within a day for now. */
  | { readonly code: 'nearlyFull' }
  /** Too many uploads at once, from this client or in all. */
  | { readonly code: 'busy' }
  /** The server's storage is down. */
  | { readonly code: 'unavailable' }
  /** Anything else: only the server's words say what. */
  | { readonly code: 'refused' };

/**
 * A failed call's problem, with `message`: the server's own words (or the client's, for
 * no answer), for a client that has none of its own for this kind.
 */
export type ApiProblem = ProblemKind & { readonly message: string };

/** Every problem but the one that carries more than its code. */
type PlainCode = Exclude<ApiProblem['code'], 'wrongPassphrase'>;

/** The refusals known by their error code, whatever status carries them. */
const BY_CODE = new Map<string, PlainCode>([
  ['already_answered', 'alreadyAnswered'],
  ['not_answered', 'notAnswered'],
  ['alerts_unavailable', 'alertsUnavailable'],
  ['sign_in_required', 'signInRequired'],
  ['invalid_token', 'invalidToken'],
  ['passphrase_mandatory', 'passphraseMandatory'],
  ['quota_exceeded', 'quota'],
  ['too_many_uploads', 'busy'],
  ['store_nearly_full', 'nearlyFull'],
  ['server_busy', 'busy'],
]);

/** The rest, by status; every 404 is the same answer, so its code adds nothing. */
const BY_STATUS = new Map<number, PlainCode>([
  [404, 'gone'],
  [413, 'tooLarge'],
  [429, 'rateLimited'],
  [503, 'unavailable'],
]);

/** The problem an API call failed with; undefined for an error that is not the API's (a bug, a file). */
export function apiProblem(error: unknown): ApiProblem | undefined {
  if (!(error instanceof ApiError)) return undefined;
  const { message } = error;
  if (error.status === 0) return { code: error.code === 'network' ? 'unreachable' : 'notAServer', message };
  if (error.code === 'wrong_passphrase') {
    return { code: 'wrongPassphrase', attemptsLeft: error.attemptsLeft ?? 0, message };
  }
  return { code: BY_CODE.get(error.code) ?? BY_STATUS.get(error.status) ?? 'refused', message };
}
