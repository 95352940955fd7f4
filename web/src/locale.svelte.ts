/**
 * The page's language. The message catalogs are in ./i18n/ (./i18n/messages.ts says
 * how they are laid out); the choice comes from the person (remembered in
 * localStorage), else from the browser's languages, else English.
 */
import { formatBytes, formatDateTime, formatDateTimeWithZone, formatDuration, formatFromNow } from './lib/display.js';
import type { Messages } from './i18n/messages.js';

const STORAGE_KEY = 'burnlink.language';

/**
 * A page's catalogs and the frame's, by path (`…/i18n/en/frame.ts`), each fetched when its
 * language is shown: what `import.meta.glob` gives a page's entry.
 */
export type Catalogs = Record<string, () => Promise<unknown>>;

export class Locale {
  /** Every language with a catalog, by its code ("en", "de"). */
  languages = $state.raw<string[]>([]);
  language = $state('en');
  /** The full tag for dates and numbers: the browser's own variant of the language if it has one ("en-GB"). */
  tag = $state('en');
  /**
   * The frame's messages and the current page's, in the current language. Every
   * section is typed, but a component may read only those of its own page and the
   * frame (test/web/i18n.test.ts checks that).
   */
  t = $state.raw({} as Messages);
  /** Each language's catalogs by part ("frame", "create", "created"). */
  #catalogs: Record<string, Record<string, () => Promise<unknown>>> = {};
  /** The parts shown: the frame's, the page's, and those of views fetched since (`add`). */
  #parts: string[] = [];

  /**
   * Loads the remembered or preferred language for `page` (a route's name; none for a page
   * that shows the frame's words only) from `catalogs`; call once before the page renders.
   */
  async start(page: string | undefined, catalogs: Catalogs): Promise<void> {
    this.register(catalogs);
    this.#parts = page ? ['frame', page] : ['frame'];
    const remembered = readStorage();
    const wanted =
      remembered !== null && this.languages.includes(remembered)
        ? remembered
        : navigator.languages.map(primary).find((language) => this.languages.includes(language));
    if ((await this.#use(wanted ?? 'en')) || (await this.#use('en'))) return;
    // Nothing to show words with: fail as a page chunk that did not load fails.
    throw new Error('The page’s messages could not be loaded.');
  }

  /** Switches language at the person's request (the page's words with it), and remembers it. */
  async choose(language: string): Promise<void> {
    if (!this.languages.includes(language) || !(await this.#use(language))) return;
    try {
      localStorage.setItem(STORAGE_KEY, language);
    } catch {
      // Storage can be off (private modes, policies): the choice then lasts this page only.
    }
  }

  /** Makes `catalogs` the ones to show words from (`start` does, before the page renders). */
  register(catalogs: Catalogs): void {
    for (const [file, load] of Object.entries(catalogs)) {
      const [language, part] = file.split('/').slice(-2) as [string, string];
      (this.#catalogs[language] ??= {})[part.replace(/\.ts$/, '')] = load;
    }
    this.languages = Object.keys(this.#catalogs)
      .filter((language) => this.#catalogs[language]!.frame)
      .sort();
  }

  /**
   * Adds the words of a view fetched after an action (`part`: its catalog, "created"), in
   * the language shown and in any chosen later. Throws if they cannot be fetched, as the
   * view's own chunk would.
   */
  async add(part: string): Promise<void> {
    if (this.#parts.includes(part)) return;
    const language = this.language;
    const load = this.#catalogs[language]?.[part];
    if (!load) throw new Error(`No catalog ${language}/${part}.`);
    const words = (await load()) as Partial<Messages>;
    // The person may have switched language meanwhile: that language's words then.
    if (language !== this.language) return this.add(part);
    this.#parts.push(part);
    this.t = { ...this.t, ...words };
  }

  /** A language's name in that language ("Deutsch"), for the switch. */
  nameOf(language: string): string {
    return new Intl.DisplayNames([language], { type: 'language' }).of(language) ?? language;
  }

  dateTime = (epochMs: number) => formatDateTime(epochMs, this.tag);
  dateTimeWithZone = (epochMs: number) => formatDateTimeWithZone(epochMs, this.tag);
  fromNow = (epochMs: number) => formatFromNow(epochMs, this.tag);
  duration = (seconds: number) => formatDuration(seconds, this.tag);
  bytes = (bytes: number, rounding?: 'ceil' | 'floor') => formatBytes(bytes, this.tag, rounding);

  /** Shows the frame and the page in `language`; false if a catalog did not load (offline). */
  async #use(language: string): Promise<boolean> {
    const loads = this.#parts.map((part) => this.#catalogs[language]?.[part]);
    if (loads.some((load) => !load)) return false;
    let parts: Partial<Messages>[];
    try {
      parts = (await Promise.all(loads.map((load) => load!()))) as Partial<Messages>[];
    } catch {
      return false;
    }
    this.t = Object.assign({}, ...parts) as Messages;
    this.language = language;
    this.tag = navigator.languages.find((tag) => primary(tag) === language) ?? language;
    document.documentElement.lang = language;
    return true;
  }
}

function primary(tag: string): string {
  return tag.split('-')[0]!.toLowerCase();
}

function readStorage(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

/** The one locale of the page. */
export const locale = new Locale();
