/**
 * The sender's side: the form's fields and the create flow (seal locally, store the
 * ciphertext, show the link). Nothing typed is lost when something fails.
 */
import { ApiError, type ApiClient } from '../lib/api.js';
import { deriveKeys, newLinkKey, PassphraseError, proofHash, seal } from '../lib/envelope.js';
import { receiptLink, secretLink } from '../lib/link.js';

export const EXPIRY_CHOICES = [
  { seconds: 300, label: '5 minutes' },
  { seconds: 3_600, label: '1 hour' },
  { seconds: 86_400, label: '1 day' },
  { seconds: 604_800, label: '7 days' },
  { seconds: 2_592_000, label: '30 days' },
] as const;
export const DEFAULT_EXPIRES_IN = 86_400;
export const MAX_VIEWS = 100;

/** What the sender types. */
export class CreateForm {
  text = $state('');
  expiresIn = $state<number>(DEFAULT_EXPIRES_IN);
  /** null while the number field is empty. */
  views = $state<number | null>(1);
  /** Empty means no passphrase. */
  passphrase = $state('');

  /** Why the text cannot be sent, if it cannot. */
  readonly textProblem = $derived(this.text.length === 0 ? 'Type or paste the secret first.' : undefined);
  readonly viewsProblem = $derived(
    this.views !== null && Number.isInteger(this.views) && this.views >= 1 && this.views <= MAX_VIEWS
      ? undefined
      : `Views must be a whole number from 1 to ${MAX_VIEWS}.`,
  );

  /** Forgets the secret and the passphrase, keeping nothing sensitive in memory. */
  clearSecrets(): void {
    this.text = '';
    this.passphrase = '';
  }

  reset(): void {
    this.clearSecrets();
    this.expiresIn = DEFAULT_EXPIRES_IN;
    this.views = 1;
  }
}

export interface CreatedSecret {
  link: string;
  receiptLink: string;
  expiresAt: number;
  views: number;
  passphrase: boolean;
}

export type CreatePhase =
  | { name: 'editing'; error?: string }
  | { name: 'sealing' }
  | { name: 'created'; created: CreatedSecret };

/** Seals the form's secret in the page and stores only the ciphertext. */
export class CreateFlow {
  readonly form = new CreateForm();
  phase = $state<CreatePhase>({ name: 'editing' });
  /** Whether the sender has tried to submit: field problems show from then on. */
  attempted = $state(false);

  constructor(
    private readonly api: ApiClient,
    private readonly origin: string,
  ) {}

  async submit(): Promise<void> {
    if (this.phase.name === 'sealing') return;
    this.attempted = true;
    const { form } = this;
    const problem = form.textProblem ?? form.viewsProblem;
    if (problem !== undefined) {
      this.phase = { name: 'editing', error: problem };
      return;
    }
    this.phase = { name: 'sealing' };
    try {
      const linkKey = newLinkKey();
      const keys = await deriveKeys(linkKey, form.passphrase === '' ? undefined : form.passphrase);
      const envelope = await seal({ text: form.text, files: [] }, keys);
      const views = form.views!;
      const stored = await this.api.create({
        envelope,
        accessHash: await proofHash(keys.access),
        ...(keys.unlock && { unlockHash: await proofHash(keys.unlock) }),
        expiresIn: form.expiresIn,
        views,
      });
      this.phase = {
        name: 'created',
        created: {
          link: secretLink(this.origin, stored.id, linkKey),
          receiptLink: receiptLink(this.origin, stored.id, stored.manageToken),
          expiresAt: stored.expiresAt,
          views,
          passphrase: keys.passphrase,
        },
      };
      form.clearSecrets();
    } catch (error) {
      this.phase = { name: 'editing', error: createErrorMessage(error) };
    }
  }

  /** Back to an empty form for the next secret. */
  reset(): void {
    this.form.reset();
    this.attempted = false;
    this.phase = { name: 'editing' };
  }
}

function createErrorMessage(error: unknown): string {
  if (error instanceof PassphraseError) return `${error.message} Change the passphrase, or leave it empty.`;
  if (error instanceof ApiError) {
    if (error.status === 0) return 'Cannot reach the server. Check your connection and try again; your text is still here.';
    if (error.status === 429) return 'Too many secrets created from here just now. Wait a minute and try again.';
    if (error.status === 413) return 'The secret is too large for this server.';
    return `The server refused the secret: ${error.message}`;
  }
  return 'Something went wrong while encrypting the secret. Please try again.';
}
