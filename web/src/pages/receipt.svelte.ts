/**
 * The sender's receipt: what happened to the secret, and "Burn now" behind a
 * confirm step. The manage token lives in this page's memory only: the page took it
 * out of the address bar (takeFragment) before this flow started.
 */
import { ApiError, type ApiClient, type Receipt } from '../lib/api.js';
import { LinkError, parseReceiptLocation } from '../lib/link.js';

export type ReceiptPhase =
  | { name: 'loading' }
  | { name: 'shown'; receipt: Receipt }
  | { name: 'gone' }
  | { name: 'broken_link' }
  /** Reloaded (or reached by Back) after an earlier load took the token out of the address bar. */
  | { name: 'reopened' }
  | { name: 'error'; problem: ReceiptProblem };

/** Why the receipt could not be loaded or the secret not burned; each code is the key of its message (receipt.problems). */
export type ReceiptProblem =
  { code: 'unreachable' } | { code: 'unavailable' } | { code: 'refused'; message: string } | { code: 'failed' };

export type BurnStep = 'idle' | 'confirming' | 'burning';

export class ReceiptFlow {
  phase = $state<ReceiptPhase>({ name: 'loading' });
  burnStep = $state<BurnStep>('idle');
  burnProblem = $state<ReceiptProblem | undefined>();

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
        this.phase =
          error.code === 'missing_key' && this.location.reopened ? { name: 'reopened' } : { name: 'broken_link' };
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
  if (error instanceof ApiError) {
    if (error.status === 404) return { name: 'gone' };
    if (error.status === 0) return { name: 'error', problem: { code: 'unreachable' } };
    if (error.status === 503) return { name: 'error', problem: { code: 'unavailable' } };
    return { name: 'error', problem: { code: 'refused', message: error.message } };
  }
  return { name: 'error', problem: { code: 'failed' } };
}
