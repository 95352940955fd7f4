/**
 * The page's language. One message catalog per language in ./i18n/ (adding a
 * language is adding a file there); the choice comes from the person (remembered in
 * localStorage), else from the browser's languages, else English.
 */
import { formatBytes, formatDateTime, formatDateTimeWithZone, formatDuration, formatFromNow } from './lib/format.js';
import en, { type Messages } from './i18n/en.js';

const STORAGE_KEY = 'burnlink.language';

// English ships with the page; every other catalog is its own small chunk, loaded when chosen.
const others = import.meta.glob<Messages>(['./i18n/*.ts', '!./i18n/en.ts'], { import: 'default' });
const loaders: Record<string, () => Promise<Messages>> = { en: async () => en };
for (const [path, load] of Object.entries(others)) loaders[path.slice('./i18n/'.length, -'.ts'.length)] = load;

export class Locale {
  /** Every language with a catalog, by its code ("en", "de"). */
  readonly languages = Object.keys(loaders).sort();
  language = $state('en');
  /** The full tag for dates and numbers: the browser's own variant of the language if it has one ("en-GB"). */
  tag = $state('en');
  t = $state.raw<Messages>(en);

  /** Loads the remembered or preferred language; call once before the page renders. */
  async start(): Promise<void> {
    const remembered = readStorage();
    const wanted =
      remembered !== null && remembered in loaders
        ? remembered
        : navigator.languages.map(primary).find((language) => language in loaders);
    await this.#use(wanted ?? 'en');
  }

  /** Switches language at the person's request, and remembers it. */
  async choose(language: string): Promise<void> {
    if (!(language in loaders)) return;
    await this.#use(language);
    try {
      localStorage.setItem(STORAGE_KEY, language);
    } catch {
      // Storage can be off (private modes, policies): the choice then lasts this page only.
    }
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

  async #use(language: string): Promise<void> {
    let messages: Messages;
    try {
      messages = await loaders[language]!();
    } catch {
      return; // The chunk did not load (offline): stay with the current language.
    }
    this.t = messages;
    this.language = language;
    this.tag = navigator.languages.find((tag) => primary(tag) === language) ?? language;
    document.documentElement.lang = language;
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
