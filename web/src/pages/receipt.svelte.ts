/**
 * The sender's receipt: what happened to the secret, and "Burn now" behind a
 * confirm step. The manage token lives in this page's memory only: the page took it
 * out of the address bar (takeFragment) before this flow started.
 */
import type { ApiClient, Receipt } from '../lib/api.js';
import { LinkError, parseReceiptLocation } from '../lib/link.js';
import { apiProblem } from '../lib/problems.js';
import { commonProblem, type CommonProblem } from './problems.js';

export type ReceiptPhase =
  | { name: 'loading' }
  | { name: 'shown'; receipt: Receipt }
  | { name: 'gone' }
  | { name: 'broken_link' }
  /** Reloaded (or reached by Back) after an earlier load took the token out of the address bar. */
  | { name: 'reopened' }
  | { name: 'error'; problem: CommonProblem };

export type BurnStep = 'idle' | 'confirming' | 'burning';

export class ReceiptFlow {
  phase = $state<ReceiptPhase>({ name: 'loading' });
  burnStep = $state<BurnStep>('idle');
  burnProblem = $state<CommonProblem | undefined>();

  readonly receipt = $derived(this.phase.name === 'shown' ? this.phase.receipt : undefined);
  /** Whether the secret can still be viewed, and so burned. */
  readonly live = $derived(
    (this.receipt?.state === 'pending' || this.receipt?.state === 'viewed') && this.receipt.viewsLeft > 0,
  );

  #target?: { id: string; manageToken: string };

  constructor(
    private readonly api: ApiClient,
    private readonly location: { pathname: string; hash: string; reopened: boolean },
  ) {}

  async load(): Promise<void> {
    if (!this.#target) {
      try {
        this.#target = parseReceiptLocation(this.location.pathname, this.location.hash);
      } catch (error) {
        if (!(error instanceof LinkError)) throw error;
        // No receipt ever had such an id: the answer for every id that leads nowhere.
        if (error.code === 'bad_id') this.phase = { name: 'gone' };
        else if (error.code === 'missing_key' && this.location.reopened) this.phase = { name: 'reopened' };
        else this.phase = { name: 'broken_link' };
        return;
      }
    }
    if (this.phase.name !== 'shown') this.phase = { name: 'loading' };
    try {
      this.phase = { name: 'shown', receipt: await this.api.receipt(this.#target.id, this.#target.manageToken) };
    } catch (error) {
      this.phase = failed(error);
    }
  }

  askToBurn(): void {
    this.burnProblem = undefined;
    this.burnStep = 'confirming';
  }

  cancelBurn(): void {
    this.burnStep = 'idle';
  }

  async burn(): Promise<void> {
    if (!this.#target || this.burnStep === 'burning') return;
    this.burnStep = 'burning';
    try {
      await this.api.burn(this.#target.id, this.#target.manageToken);
      this.burnStep = 'idle';
      await this.load();
    } catch (error) {
      this.burnStep = 'confirming';
      const phase = failed(error);
      if (phase.name === 'gone') this.phase = phase;
      else this.burnProblem = phase.name === 'error' ? phase.problem : { code: 'failed' };
    }
  }
}

function failed(error: unknown): ReceiptPhase {
  const problem = apiProblem(error);
  if (problem?.code === 'gone') return { name: 'gone' };
  return { name: 'error', problem: commonProblem(error) };
}
