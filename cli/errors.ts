/**
 * How a command fails: a sentence for stderr and an exit code. 1 means refused, gone or
 * unreachable; 2 means the command line itself was wrong (and nothing was sent).
 */
import { count, formatDateTime, formatFromNow } from '../web/src/lib/display.js';
import { apiProblem } from '../web/src/lib/problems.js';
import { TOKEN_VARIABLE } from './env.js';
import { escapeLine } from './terminal.js';

export const EXIT_OK = 0;
export const EXIT_REFUSED = 1;
export const EXIT_USAGE = 2;
/** `answer`: the request has already been answered (it takes one answer); nothing was sent. */
export const EXIT_ALREADY_ANSWERED = 3;
/** `get` with an inbox link: nobody has answered yet; nothing was changed, so try again later. */
export const EXIT_NOT_ANSWERED = 4;
/** `send`, `request`: the server lets only its own users create, and BURNLINK_TOKEN is unset or refused. */
export const EXIT_NEEDS_TOKEN = 5;

type FailureCode =
  | typeof EXIT_REFUSED
  | typeof EXIT_USAGE
  | typeof EXIT_ALREADY_ANSWERED
  | typeof EXIT_NOT_ANSWERED
  | typeof EXIT_NEEDS_TOKEN;

export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: FailureCode,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

/** The command line is wrong; nothing has been sent anywhere. */
export const usageError = (message: string) => new CliError(message, EXIT_USAGE);

/** Refused, gone, unreachable or otherwise failed at run time. */
export const refused = (message: string) => new CliError(message, EXIT_REFUSED);

export const GONE_MESSAGE = 'This secret has already been viewed or has expired.';

const ALREADY_ANSWERED_MESSAGE =
  'This request has already been answered: it takes one answer, so nothing was sent. If you did not ' +
  'send it, tell the person who asked, another way: someone else may have had the link.';

/** `answer`: the request has its one answer already. */
export const alreadyAnswered = () => new CliError(ALREADY_ANSWERED_MESSAGE, EXIT_ALREADY_ANSWERED);

/** `get` with an inbox link nobody has answered yet; `openUntil` says how long someone still can. */
export function notAnswered(openUntil?: number): CliError {
  const until =
    openUntil !== undefined && Number.isSafeInteger(openUntil)
      ? ` The request stays open until ${formatDateTime(openUntil)} (${formatFromNow(openUntil)}).`
      : '';
  return new CliError(`Nobody has answered this request yet; nothing was changed.${until}`, EXIT_NOT_ANSWERED);
}

/** What the command was doing, for the problems whose words depend on it. */
export interface ApiContext {
  /** The server the command talked to. */
  origin: string;
  /** What `gone` means here; a secret's words unless given. */
  gone?: string;
  /** When the request being read stays open until, for `notAnswered`. */
  openUntil?: number;
}

/**
 * The failure for an API error, worded in English from the clients' one classification
 * (web/src/lib/problems.ts). Anything that is not an ApiError is rethrown.
 */
export function fromApi(error: unknown, { origin, gone = GONE_MESSAGE, openUntil }: ApiContext): CliError {
  const problem = apiProblem(error);
  if (!problem) throw error;
  // The server's own words are escaped: the server of a link is whichever one its sender chose.
  const said = escapeLine(problem.message);
  switch (problem.code) {
    case 'unreachable':
      return refused(`Cannot reach the server at ${origin}.`);
    case 'notAServer':
      return refused(`${origin} did not answer like a burnlink server: ${said}`);
    case 'gone':
      return refused(gone);
    case 'wrongPassphrase':
      return refused(
        problem.attemptsLeft > 0
          ? 'Wrong passphrase. The secret was not revealed and can be tried again: ' +
              `${count(problem.attemptsLeft, 'attempt', 'attempts')} left before it is destroyed.`
          : 'Wrong passphrase, and that was the last attempt: the secret has been destroyed.',
      );
    case 'alreadyAnswered':
      return alreadyAnswered();
    case 'notAnswered':
      return notAnswered(openUntil);
    case 'signInRequired':
      return new CliError(
        `This server needs an API token to create secrets and requests: set ${TOKEN_VARIABLE} to one ` +
          'from its operator. Nothing was stored.',
        EXIT_NEEDS_TOKEN,
      );
    case 'invalidToken':
      return new CliError(
        `The server refused the API token in ${TOKEN_VARIABLE}: it is unknown there or has been revoked. ` +
          'Ask its operator for a new one. Nothing was stored.',
        EXIT_NEEDS_TOKEN,
      );
    case 'alertsUnavailable':
      return refused('This server sends no email alerts: leave out --alert-email. Nothing was stored.');
    case 'passphraseMandatory':
      return refused(
        'This server takes only secrets with a passphrase: send again with --passphrase. Nothing was stored.',
      );
    case 'rateLimited':
      return refused('Too many requests from here just now. Wait a minute and try again.');
    case 'tooLarge':
      return refused('The secret is too large for this server.');
    // The server's words for these name its own limits and when to try again.
    case 'quota':
    case 'nearlyFull':
    case 'busy':
    case 'unavailable':
    case 'refused':
      return refused(`The server refused: ${said}`);
  }
}
