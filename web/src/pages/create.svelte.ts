/**
 * The sender's side: the form's fields and the create flow (seal locally, store the
 * ciphertext, show the link). The choices come from the server's limits; nothing
 * typed is lost when something fails.
 */
import { sealedSize, utf8Length } from '../files.js';
import type { ApiClient, Limits } from '../lib/api.js';
import { PassphraseError } from '../lib/envelope-types.js';
import { MAX_LABEL_CHARS, receiptLink, secretLink } from '../lib/link.js';
import { generatePassphrase } from '../passphrase.js';
import { apiProblem } from '../lib/problems.js';
import { AlertChoice } from './alert-choice.svelte.js';
import { commonProblem, storeProblem, type CommonProblem, type StoreProblem } from './problems.js';
import { Attachments, UnreadableFileError } from './attachments.svelte.js';
import { createdView } from './created-view.js';
import { envelopeCode } from './envelope-code.js';
import { loadSignInGate } from './sign-in-gate.js';

/** Why the secret was not created; each code is the key of its message in the catalogs (create.problems). */
export type CreateProblem =
  | { code: 'empty' }
  /** Empty where files are off (ALLOW_FILES): only text can be sent. */
  | { code: 'emptyText' }
  /** REQUIRE_PASSPHRASE, and none set. */
  | { code: 'passphraseMissing' }
  | { code: 'views'; max: number }
  | { code: 'tooLarge'; size: number; max: number }
  | { code: 'fileUnreadable'; name: string }
  | { code: 'passphraseControl' }
  | { code: 'alertAddress' }
  | { code: 'labelTooLong'; max: number }
  | { code: 'passphraseInvisible'; codePoint: string }
  | StoreProblem
  | CommonProblem;

/** What the sender types and picks. */
export class CreateForm {
  /** The server's bounds; undefined until they have arrived. */
  limits = $state.raw<Limits>();
  text = $state('');
  readonly attachments = new Attachments();
  /** Seconds; undefined until the limits (and so the default) are known. */
  expiresIn = $state<number>();
  /** null while the number field is empty. */
  views = $state<number | null>(1);
  /** Empty means no passphrase. */
  passphrase = $state('');
  /** The last passphrase Generate made: shown again after Create if it is still the one set. */
  generatedPassphrase = $state('');
  /** The sender's private note, which goes only into their status link's fragment. */
  label = $state('');
  readonly alert = new AlertChoice();

  readonly expiryChoices = $derived(this.limits?.expiryChoices ?? []);
  /** The envelope's size in bytes, which the server's limit counts. */
  readonly sealedSize = $derived(sealedSize(utf8Length(this.text), this.attachments.list));

  readonly emptyProblem = $derived<CreateProblem | undefined>(
    this.text.length === 0 && this.attachments.list.length === 0
      ? { code: this.limits?.files === false ? 'emptyText' : 'empty' }
      : undefined,
  );
  readonly passphraseProblem = $derived<CreateProblem | undefined>(
    this.limits?.passphraseRequired && this.passphrase === '' ? { code: 'passphraseMissing' } : undefined,
  );
  readonly viewsProblem = $derived.by<CreateProblem | undefined>(() => {
    const max = this.limits?.maxViews ?? Infinity;
    const { views } = this;
    if (views !== null && Number.isInteger(views) && views >= 1 && views <= max) return undefined;
    return { code: 'views', max: this.limits?.maxViews ?? 1 };
  });
  readonly labelProblem = $derived<CreateProblem | undefined>(
    [...this.label.trim()].length > MAX_LABEL_CHARS ? { code: 'labelTooLong', max: MAX_LABEL_CHARS } : undefined,
  );
  readonly sizeProblem = $derived<CreateProblem | undefined>(
    this.limits && this.sealedSize > this.limits.maxSecretBytes
      ? { code: 'tooLarge', size: this.sealedSize, max: this.limits.maxSecretBytes }
      : undefined,
  );

  /** Takes the server's limits, and its default expiry unless one was picked. */
  useLimits(limits: Limits): void {
    this.limits = limits;
    // Files picked before the server said it takes none would go unseen.
    if (!limits.files) this.attachments.clear();
    if (this.expiresIn === undefined || !this.expiryChoices.includes(this.expiresIn)) {
      this.expiresIn = limits.expiresIn.default;
    }
  }

  /** Fills in a new random passphrase, remembering that it was generated. */
  generatePassphrase(): string {
    this.generatedPassphrase = generatePassphrase();
    return this.generatedPassphrase;
  }

  /** Forgets the secret, its files and the passphrase, keeping nothing sensitive in memory. */
  clearSecrets(): void {
    this.text = '';
    this.passphrase = '';
    this.generatedPassphrase = '';
    this.attachments.clear();
  }

  reset(): void {
    this.clearSecrets();
    this.expiresIn = this.limits?.expiresIn.default;
    this.views = 1;
    this.label = '';
    this.alert.reset();
  }
}

export interface CreatedSecret {
  link: string;
  receiptLink: string;
  expiresAt: number;
  views: number;
  passphrase: boolean;
  /**
   * The passphrase, only when Generate made it: the sender has not typed it and may not
   * have noted it. One the sender typed they know, and it is not kept.
   */
  generatedPassphrase?: string;
  /** The sender's private label ('' for none), which is in the status link too. */
  label: string;
  /** The attached files' names and sizes, to show what went in. */
  files: { name: string; size: number }[];
  /** Where the view alerts go, if asked for. */
  alertEmail?: string;
}

/** What the sender puts in the message that carries the link; their name stays for the next secret. */
export class MessageFields {
  name = $state('');
  subject = $state('');
}

export type CreatePhase =
  /** `failure`: why the last submission failed (form problems are checked live, see CreateFlow.formProblem). */
  { name: 'editing'; failure?: CreateProblem } | { name: 'sealing' } | { name: 'created'; created: CreatedSecret };

/** Seals the form's secret in the page and stores only the ciphertext. */
export class CreateFlow {
  readonly form = new CreateForm();
  readonly message = new MessageFields();
  phase = $state<CreatePhase>({ name: 'editing' });
  /** Whether the sender has tried to submit: field problems show from then on. */
  attempted = $state(false);
  /** What is wrong with the form now, once the sender has tried to submit; it goes as soon as it is fixed. */
  readonly formProblem = $derived(
    this.attempted
      ? (this.form.emptyProblem ??
          this.form.viewsProblem ??
          this.form.sizeProblem ??
          this.form.labelProblem ??
          this.form.passphraseProblem ??
          (this.form.alert.invalid ? ({ code: 'alertAddress' } as const) : undefined))
      : undefined,
  );

  constructor(
    private readonly api: ApiClient,
    private readonly origin: string,
    /** The language the sender uses, for the alert's text. */
    private readonly language: () => string = () => 'en',
    /** What shows the link once it is made: fetched at submit, and needed before the secret is stored. */
    private readonly resultView: { load(): Promise<unknown> } = createdView,
    /** The envelope's code, fetched at submit (or on the first keystroke, see CreatePage). */
    private readonly sealing: { load(): Promise<typeof import('../lib/envelope.js')> } = envelopeCode,
  ) {}

  /** Asks the server for its limits; on failure, submit() asks again. */
  async loadLimits(): Promise<void> {
    try {
      const limits = await this.api.limits();
      this.form.useLimits(limits);
      await loadSignInGate(limits.create);
    } catch {
      // Shown only if the sender submits while the server is still unreachable.
    }
  }

  async submit(): Promise<void> {
    if (this.phase.name === 'sealing') return;
    this.attempted = true;
    const { form } = this;
    this.phase = { name: 'sealing' };
    if (!form.limits) await this.loadLimits();
    if (!form.limits) {
      this.phase = { name: 'editing', failure: { code: 'unreachable' } };
      return;
    }
    if (this.formProblem !== undefined) {
      this.phase = { name: 'editing' };
      return;
    }
    const viewLoaded = this.resultView.load();
    // Awaited below; a failure to seal first must not leave its rejection unhandled.
    viewLoaded.catch(() => {});
    try {
      const { deriveKeys, newLinkKey, proofHash, seal } = await this.sealing.load();
      const linkKey = newLinkKey();
      const keys = await deriveKeys(linkKey, form.passphrase === '' ? undefined : form.passphrase);
      const envelope = await seal({ text: form.text, files: await form.attachments.read() }, keys);
      const max = form.limits.maxSecretBytes;
      if (envelope.length > max) throw new TooLarge(envelope.length, max);
      const views = form.views!;
      const alert = form.limits.alerts ? form.alert.request(this.language()) : undefined;
      // A link the page could not show would be lost: store nothing without the view that shows it.
      await viewLoaded;
      const stored = await this.api.create({
        envelope,
        accessHash: await proofHash(keys.access),
        ...(keys.unlock && { unlockHash: await proofHash(keys.unlock) }),
        expiresIn: form.expiresIn!,
        views,
        alert,
      });
      this.phase = {
        name: 'created',
        created: {
          link: secretLink(this.origin, stored.id, linkKey),
          receiptLink: receiptLink(this.origin, stored.id, stored.manageToken, form.label),
          expiresAt: stored.expiresAt,
          views,
          passphrase: keys.passphrase,
          ...(keys.passphrase &&
            form.generatedPassphrase !== '' &&
            form.passphrase === form.generatedPassphrase && { generatedPassphrase: form.passphrase }),
          label: form.label.trim(),
          files: form.attachments.list.map(({ name, size }) => ({ name, size })),
          ...(alert && { alertEmail: alert.email }),
        },
      };
      form.clearSecrets();
    } catch (error) {
      this.phase = { name: 'editing', failure: createProblem(error, form.sealedSize, form.limits.maxSecretBytes) };
    }
  }

  /** Back to an empty form for the next secret. */
  reset(): void {
    this.form.reset();
    this.message.subject = '';
    this.attempted = false;
    this.phase = { name: 'editing' };
  }
}

class TooLarge extends Error {
  constructor(
    readonly size: number,
    readonly max: number,
  ) {
    super('The envelope is larger than the server accepts.');
  }
}

function createProblem(error: unknown, size: number, max: number): CreateProblem {
  if (error instanceof TooLarge) return { code: 'tooLarge', size: error.size, max: error.max };
  if (error instanceof UnreadableFileError) return { code: 'fileUnreadable', name: error.fileName };
  if (error instanceof PassphraseError) {
    return error.problem === 'invisible'
      ? { code: 'passphraseInvisible', codePoint: error.codePoint ?? '' }
      : { code: 'passphraseControl' };
  }
  const problem = apiProblem(error)?.code;
  if (problem === 'tooLarge') return { code: 'tooLarge', size, max };
  // The operator turned REQUIRE_PASSPHRASE on after this page had the limits.
  if (problem === 'passphraseMandatory') return { code: 'passphraseMissing' };
  return storeProblem(error) ?? commonProblem(error);
}
