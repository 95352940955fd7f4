// locale.svelte.ts, imported below, finds its catalogs with Vite's import.meta.glob.
/// <reference types="vite/client" />
/**
 * What a page shows a person for a flow's state: the page component rendered to HTML
 * (Svelte's server renderer, no browser needed) in English, read back as text.
 */
import type { Component } from 'svelte';
import { render } from 'svelte/server';
import type { Messages } from '../../../web/src/i18n/messages.js';
import { locale } from '../../../web/src/locale.svelte.js';
import { catalogFiles, messages } from '../../helpers/catalogs.js';

/** The English words the pages show, which the tests expect to read. */
export const en: Messages = await messages('en');
// The page's locale would load its catalogs in the browser (locale.start); here it is given
// them all at once, and can add a view's (locale.add) as in the browser.
locale.register(
  Object.fromEntries(
    [...(await catalogFiles('en'))].map(([name, words]) => [`i18n/en/${name}.ts`, () => Promise.resolve(words)]),
  ),
);
locale.t = en;

/** The page's heading and every alert on it, as a person reads them. */
export interface Shown {
  heading: string;
  alerts: string[];
}

/** A page component: each takes its flow. */
type Page = Component<{ flow: object }>;

/** Renders `Page` for `flow` and reads its heading and alerts. */
export function shown(Page: Page, flow: object): Shown {
  const html = rendered(Page, flow);
  const texts = (pattern: RegExp) => [...html.matchAll(pattern)].map(([, inner]) => textOf(inner!));
  return {
    heading: texts(/<h1\b[^>]*>([^]*?)<\/h1>/g).join(' / '),
    alerts: texts(/<p\b[^>]*\brole="alert"[^>]*>([^]*?)<\/p>/g),
  };
}

/** Everything the page shows as text, for what is neither heading nor alert. */
export function pageText(Page: Page, flow: object): string {
  return textOf(rendered(Page, flow)).replace(/\s+/g, ' ');
}

/** The page's HTML, comments left out. */
export function rendered(Page: Page, flow: object): string {
  return render(Page, { props: { flow } }).body.replace(/<!--[^]*?-->/g, '');
}

/** The text of an HTML fragment, as Svelte escaped it. */
function textOf(html: string): string {
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .trim();
}
