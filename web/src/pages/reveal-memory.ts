/**
 * What this tab remembers of the secrets it was shown (and of the answers it read in an
 * inbox), in session storage, so that a reload or Back after Reveal can say what
 * happened instead of asking for a link the page itself took apart. Only the id (which
 * the path shows anyway), its expiry and whether this tab revealed it: never the secret,
 * its key or a passphrase. Session storage ends with the tab.
 */

export interface Remembered {
  /** When the secret expires, as its status said (ms since the epoch). */
  expiresAt?: number;
  /** This tab revealed it: `last` when that used its last view, `more` when views were left. */
  revealed?: 'last' | 'more';
}

/** Whose ids: a secret's (/s/) or an inbox's (/i/), remembered apart. */
export type Remembering = 'secret' | 'inbox';

export class RevealMemory {
  readonly #prefix: string;

  /** `storage` is the tab's session storage unless given; without any (no browser, storage refused) nothing is remembered. */
  constructor(
    private readonly storage: Pick<Storage, 'getItem' | 'setItem'> | undefined = tabStorage(),
    of: Remembering = 'secret',
  ) {
    this.#prefix = `burnlink.${of}.`;
  }

  recall(id: string): Remembered {
    try {
      const value: unknown = JSON.parse(this.storage?.getItem(this.#prefix + id) ?? '{}');
      if (typeof value !== 'object' || value === null) return {};
      const { expiresAt, revealed } = value as Record<string, unknown>;
      return {
        ...(typeof expiresAt === 'number' && { expiresAt }),
        ...((revealed === 'last' || revealed === 'more') && { revealed }),
      };
    } catch {
      return {};
    }
  }

  /** The status was shown: remember when the secret expires. */
  noteStatus(id: string, expiresAt: number): void {
    this.#write(id, { ...this.recall(id), expiresAt });
  }

  /** A view was burned here; `viewsLeft` is what the server said was left after it. */
  noteRevealed(id: string, viewsLeft: number): void {
    this.#write(id, { ...this.recall(id), revealed: viewsLeft <= 0 ? 'last' : 'more' });
  }

  #write(id: string, remembered: Remembered): void {
    try {
      this.storage?.setItem(this.#prefix + id, JSON.stringify(remembered));
    } catch {
      // Full or refused (a private window's quota): the page then only knows less after a reload.
    }
  }
}

function tabStorage(): Storage | undefined {
  try {
    return typeof sessionStorage === 'undefined' ? undefined : sessionStorage;
  } catch {
    // Storage blocked by the browser's settings throws on access.
    return undefined;
  }
}
