/** What a failed API call means to a person: the problems every page words alike. */
import { ApiError } from '../lib/api.js';

export type CommonProblem =
  | { code: 'unreachable' }
  | { code: 'rateLimited' }
  | { code: 'unavailable' }
  | { code: 'refused'; message: string }
  | { code: 'failed' };

/** The problem for an error that is not one the page handles itself (a 404, a 409). */
export function commonProblem(error: unknown): CommonProblem {
  if (!(error instanceof ApiError)) return { code: 'failed' };
  if (error.status === 0) return { code: 'unreachable' };
  if (error.status === 429) return { code: 'rateLimited' };
  if (error.status === 503) return { code: 'unavailable' };
  return { code: 'refused', message: error.message };
}

/** Why a server short of room refused to store something; each code is the key of its message (storing). */
export type StoreProblem = { code: 'quota' } | { code: 'nearlyFull' } | { code: 'busy' };

/** The problem for a refusal that only storing meets (a byte budget spent, a store nearly full, a busy server). */
export function storeProblem(error: unknown): StoreProblem | undefined {
  if (!(error instanceof ApiError)) return undefined;
  if (error.code === 'quota_exceeded') return { code: 'quota' };
  if (error.code === 'store_nearly_full') return { code: 'nearlyFull' };
  if (error.code === 'server_busy' || error.code === 'too_many_uploads') return { code: 'busy' };
  return undefined;
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
