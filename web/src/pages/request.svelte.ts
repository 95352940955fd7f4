/**
 * The requester's side of asking for a secret: the form (a note, how long it stays
 * open, an optional alert), and making the request here — the keys, the encrypted
 * note — so that only hashes and ciphertext reach the server. Nothing typed is lost
 * when something fails.
 */
import { utf8Length } from '../files.js';
import type { ApiClient, Limits } from '../lib/api.js';
import { inboxLink, requestLink } from '../lib/link.js';
import { MAX_NOTE_BYTES } from '../lib/envelope-size.js';
import { AlertChoice } from './alert-choice.svelte.js';
import { commonProblem, storeProblem, type CommonProblem, type StoreProblem } from './problems.js';
import { requestCreatedView } from './request-created-view.js';
import { requestCode } from './envelope-code.js';
import { loadSignInGate } from './sign-in-gate.js';

/** Why the request was not made; each code is the key of its message in the catalogs (request.problems). */
export type RequestProblem =
  { code: 'noteTooLong'; max: number } | { code: 'alertAddress' } | StoreProblem | CommonProblem;

export interface CreatedRequest {
  link: string;
  inboxLink: string;
  expiresAt: number;
  /** Where the alert goes, if one was asked for. */
  alertEmail?: string;
}

export type RequestPhase =
  { name: 'editing'; failure?: RequestProblem } | { name: 'sealing' } | { name: 'created'; created: CreatedRequest };

export class RequestFlow {
  limits = $state.raw<Limits>();
  note = $state('');
  /** Seconds; undefined until the limits (and so the default) are known. */
  expiresIn = $state<number>();
  readonly alert = new AlertChoice();
  phase = $state<RequestPhase>({ name: 'editing' });
  /** Whether the requester has tried to submit: field problems show from then on. */
  attempted = $state(false);

  readonly expiryChoices = $derived(this.limits?.expiryChoices ?? []);
  readonly noteBytes = $derived(utf8Length(this.note));
  readonly noteProblem = $derived<RequestProblem | undefined>(
    this.noteBytes > MAX_NOTE_BYTES ? { code: 'noteTooLong', max: MAX_NOTE_BYTES } : undefined,
  );
  /** What is wrong with the form now: the note at once (it can be seen growing), the address after a try. */
  readonly formProblem = $derived<RequestProblem | undefined>(
    this.noteProblem ?? (this.attempted && this.alert.invalid ? { code: 'alertAddress' } : undefined),
  );

  constructor(
    private readonly api: ApiClient,
    private readonly origin: string,
    /** The language the person uses, for the alert's text. */
    private readonly language: () => string,
    /** What shows the links once they are made: fetched at submit, and needed before the request is stored. */
    private readonly resultView: { load(): Promise<unknown> } = requestCreatedView,
    /** The request format's code, fetched at submit (or on the first keystroke, see RequestPage). */
    private readonly sealing: { load(): ReturnType<typeof requestCode.load> } = requestCode,
  ) {}

  /** Asks the server for its limits; on failure, submit() asks again. */
  async loadLimits(): Promise<void> {
    try {
      const limits = await this.api.limits();
      this.limits = limits;
      if (this.expiresIn === undefined) this.expiresIn = limits.expiresIn.default;
      await loadSignInGate(limits.create);
    } catch {
      // Shown only if the requester submits while the server is still unreachable.
    }
  }

  async submit(): Promise<void> {
    if (this.phase.name === 'sealing') return;
    this.attempted = true;
    this.phase = { name: 'sealing' };
    if (!this.limits) await this.loadLimits();
    if (!this.limits || this.expiresIn === undefined) {
      this.phase = { name: 'editing', failure: { code: 'unreachable' } };
      return;
    }
    if (this.formProblem) {
      this.phase = { name: 'editing' };
      return;
    }
    const viewLoaded = this.resultView.load();
    // Awaited below; a failure to seal first must not leave its rejection unhandled.
    viewLoaded.catch(() => {});
    try {
      const { deriveInboxKeys, deriveRequestKeys, newInboxKey, proofHash, sealRequest } = await this.sealing.load();
      const inbox = await deriveInboxKeys(newInboxKey());
      const request = await deriveRequestKeys(inbox.requestKey);
      const envelope = await sealRequest({ note: this.note, publicKey: inbox.publicKey }, request);
      const alert = this.limits.alerts ? this.alert.request(this.language()) : undefined;
      // Links the page could not show would be lost: store nothing without the view that shows them.
      await viewLoaded;
      const stored = await this.api.createRequest({
        envelope,
        accessHash: await proofHash(request.access),
        inboxHash: await proofHash(inbox.proof),
        expiresIn: this.expiresIn,
        alert,
      });
      this.phase = {
        name: 'created',
        created: {
          link: requestLink(this.origin, stored.id, inbox.requestKey),
          inboxLink: inboxLink(this.origin, stored.id, inbox.inboxKey),
          expiresAt: stored.expiresAt,
          ...(alert && { alertEmail: alert.email }),
        },
      };
    } catch (error) {
      this.phase = { name: 'editing', failure: storeProblem(error) ?? commonProblem(error) };
    }
  }

  /** Back to an empty form for the next request. */
  reset(): void {
    this.note = '';
    this.expiresIn = this.limits?.expiresIn.default;
    this.alert.reset();
    this.attempted = false;
    this.phase = { name: 'editing' };
  }
}
