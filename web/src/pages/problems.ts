/**
 * The page's side of the clients' one classification of API failures (lib/problems.ts):
 * which of its problems the pages word alike, in their catalogs. A flow handles the
 * problems that change what it shows (gone, a wrong passphrase, answered) and leaves
 * the rest to these.
 */
import { apiProblem } from '../lib/problems.js';
import { PartUnavailableError } from './lazy.svelte.js';

export type CommonProblem =
  | { code: 'unreachable' }
  | { code: 'rateLimited' }
  | { code: 'unavailable' }
  | { code: 'refused'; message: string }
  | { code: 'failed' };

/** The problem for an error that is not one the page handles itself (gone, answered). */
export function commonProblem(error: unknown): CommonProblem {
  // A part of the page that did not arrive: the connection, as for a request that did not.
  if (error instanceof PartUnavailableError) return { code: 'unreachable' };
  const problem = apiProblem(error);
  if (!problem) return { code: 'failed' };
  switch (problem.code) {
    // To a person in a browser both mean the same: check the connection.
    case 'unreachable':
    case 'notAServer':
      return { code: 'unreachable' };
    case 'rateLimited':
      return { code: 'rateLimited' };
    case 'unavailable':
      return { code: 'unavailable' };
    default:
      return { code: 'refused', message: problem.message };
  }
}

/** Why a server short of room refused to store something; each code is the key of its message (storing). */
export type StoreProblem = { code: 'quota' } | { code: 'nearlyFull' } | { code: 'busy' };

/** The problem for a refusal that only storing meets (a byte budget spent, a store nearly full, a busy server). */
export function storeProblem(error: unknown): StoreProblem | undefined {
  const problem = apiProblem(error);
  return problem && isStoreProblem(problem) ? { code: problem.code } : undefined;
}

/** Whether a problem is one of the storing ones, worded by the `storing` section. */
export function isStoreProblem(problem: { code: string }): problem is StoreProblem {
  return problem.code === 'quota' || problem.code === 'nearlyFull' || problem.code === 'busy';
}

/** A catalog's words for the common problems. */
export interface ProblemWords {
  unreachable: string;
  rateLimited: string;
  unavailable: string;
  refused: (message: string) => string;
  failed: string;
}

export function describeCommon(problem: CommonProblem, words: ProblemWords): string {
  return problem.code === 'refused' ? words.refused(problem.message) : words[problem.code];
}
