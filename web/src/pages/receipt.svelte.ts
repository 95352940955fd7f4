/**
 * The sender's status page (the API's receipt): what happened to the secret, kept up to
 * date while the page is open, and "Burn now" behind a confirm step. The manage token
 * and the sender's private label live in this page's memory only: the page took them
 * out of the address bar (takeFragment) before this flow started, and the label is never
 * sent anywhere.
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

/** How often the page asks again while it is open and the secret can still change. */
export const REFRESH_SECONDS = 15;

/**
 * A first view this soon after the create was most likely no person: the link still had
 * to be copied into a message, sent, received, opened and its Reveal pressed, which takes
 * people longer, while a mail or chat security filter that clicks links does it within
 * seconds of delivery. The hint that says so is worded as a maybe, so a quick person
 * who trips it costs a sentence, not an alarm.
 */
export const SCANNER_WINDOW_SECONDS = 30;

export class ReceiptFlow {
  phase = $state<ReceiptPhase>({ name: 'loading' });
  burnStep = $state<BurnStep>('idle');
  burnProblem = $state<CommonProblem | undefined>();
  /** The sender's own note for this secret, from the link's fragment ('' when none). */
  label = $state('');
  /** When the receipt shown was fetched, by this browser's clock. */
  updatedAt = $state<number | undefined>();
  /** The last update in the background failed; the receipt shown is from `updatedAt`. */
  updateFailed = $state(false);

  readonly receipt = $derived(this.phase.name === 'shown' ? this.phase.receipt : undefined);
  /** Whether the secret can still be viewed, and so burned. */
  readonly live = $derived(
    (this.receipt?.state === 'pending' || this.receipt?.state === 'viewed') && this.receipt.viewsLeft > 0,
  );
  /** Nothing this page could fetch again would say anything new. */
  readonly settled = $derived(
    this.phase.name === 'gone' ||
      this.phase.name === 'broken_link' ||
      this.phase.name === 'reopened' ||
      (this.phase.name === 'shown' && !this.live),
  );
  /** Seconds from the create to the first view, when so few that a link scanner may have made it. */
  readonly quickFirstView = $derived.by(() => {
    const createdAt = this.receipt?.createdAt;
    const first = this.receipt?.viewedAt[0];
    if (createdAt === null || createdAt === undefined || first === undefined) return undefined;
    const seconds = Math.max(0, Math.round((first - createdAt) / 1000));
    return seconds <= SCANNER_WINDOW_SECONDS ? seconds : undefined;
  });

  #target?: { id: string; manageToken: string };
  /** Counts loads, so that an answer overtaken by a later load (a burn's) is dropped. */
  #loads = 0;

  constructor(
    private readonly api: ApiClient,
    private readonly location: { pathname: string; hash: string; reopened: boolean },
  ) {}

  /** Fetches the receipt; a failure replaces the page with what went wrong. */
  load(): Promise<void> {
    return this.#fetch(false);
  }

  /**
   * Fetches the receipt again in the background: a failure keeps the receipt shown and
   * says it is not current (only "gone" replaces it). False once nothing can change.
   */
  async update(): Promise<boolean> {
    if (!this.settled) await this.#fetch(true);
    return !this.settled;
  }

  async #fetch(quietly: boolean): Promise<void> {
    if (!this.#target) {
      try {
        const { label, ...target } = parseReceiptLocation(this.location.pathname, this.location.hash);
        this.#target = target;
        this.label = label;
      } catch (error) {
        if (!(error instanceof LinkError)) throw error;
        // No receipt ever had such an id: the answer for every id that leads nowhere.
        if (error.code === 'bad_id') this.phase = { name: 'gone' };
        else if (error.code === 'missing_key' && this.location.reopened) this.phase = { name: 'reopened' };
        else this.phase = { name: 'broken_link' };
        return;
      }
    }
    if (!quietly && this.phase.name !== 'shown') this.phase = { name: 'loading' };
    const load = ++this.#loads;
    try {
      const receipt = await this.api.receipt(this.#target.id, this.#target.manageToken);
      if (load !== this.#loads) return;
      this.phase = { name: 'shown', receipt };
      this.updatedAt = Date.now();
      this.updateFailed = false;
    } catch (error) {
      if (load !== this.#loads) return;
      const phase = failed(error);
      if (quietly && phase.name === 'error' && this.phase.name === 'shown') this.updateFailed = true;
      else this.phase = phase;
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
