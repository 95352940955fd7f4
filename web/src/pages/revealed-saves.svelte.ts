/**
 * What of a revealed secret the recipient has not kept yet. The page asks before it is
 * left (reload, Back, closing the tab) while anything is unkept, since a revealed secret
 * may exist nowhere else. Kept means: the text copied in full (Copy, or copying the
 * whole selected text) and every file downloaded at least once. With several files each
 * one counts, since each may be the one they came for; a recipient who wants only some
 * answers the browser's question once.
 */
import type { Secret } from '../lib/envelope.js';

export class RevealedSaves {
  /** The text is copied, or there is none. */
  #textKept = $state(false);
  #downloaded = $state<boolean[]>([]);

  constructor(secret: Secret) {
    this.#textKept = secret.text === '';
    this.#downloaded = secret.files.map(() => false);
  }

  /** Something is still only on this page. */
  readonly unkept = $derived(!this.#textKept || this.#downloaded.includes(false));

  textCopied(): void {
    this.#textKept = true;
  }

  fileDownloaded(index: number): void {
    this.#downloaded[index] = true;
  }

  /** For `beforeunload`: has the browser ask before the page is left while something is unkept. */
  askBeforeLeaving(event: BeforeUnloadEvent, warning: string): void {
    if (!this.unkept) return;
    event.preventDefault();
    // Older browsers ask only when this is set; none shows the text itself any more.
    event.returnValue = warning;
  }
}
