/**
 * Which page an address shows: / creates, /s/ID reveals, /r/ID shows a receipt,
 * /request asks for a secret, /q/ID answers a request, /i/ID is the requester's inbox.
 * Each page is built on its own (vite.config.ts, its entry in ./entries/), and the server
 * sends each address its page's HTML (server/plugins/static.ts, whose table
 * test/web/page-routes.test.ts checks against this one), so a recipient downloads nothing
 * of the sender's page and the other way round.
 */
import type { ApiClient } from './lib/api.js';

/** Each page's addresses, in the server's route syntax: `*` is anything after the slash. */
export const PAGE_PATHS = {
  create: '/',
  reveal: '/s/*',
  receipt: '/r/*',
  request: '/request',
  answer: '/q/*',
  inbox: '/i/*',
} as const;
export type PageName = keyof typeof PAGE_PATHS;
export const PAGE_NAMES = Object.keys(PAGE_PATHS) as PageName[];

type Loaded<Name, Module extends { Page: unknown; start(...args: never[]): unknown }> = {
  name: Name;
  Page: Module['Page'];
  flow: ReturnType<Module['start']>;
};

export type Route =
  /** No WebCrypto: a plain-HTTP page (not a secure context) or an old browser. */
  | { name: 'insecure'; plainHttp: boolean }
  | { name: 'not_found' }
  | Loaded<'create', typeof import('./pages/create.page.js')>
  | Loaded<'reveal', typeof import('./pages/reveal.page.js')>
  | Loaded<'receipt', typeof import('./pages/receipt.page.js')>
  | Loaded<'request', typeof import('./pages/request.page.js')>
  | Loaded<'answer', typeof import('./pages/answer.page.js')>
  | Loaded<'inbox', typeof import('./pages/inbox.page.js')>;

/** Opens a page: starts its flow (which may ask the server, never burning anything). */
export type OpenPage<Name extends PageName> = (api: ApiClient, url: Location) => Extract<Route, { name: Name }>;

/** The page whose addresses include `pathname`. */
export function pageOfPath(pathname: string): PageName | 'not_found' {
  const matches = (path: string) => (path.endsWith('*') ? pathname.startsWith(path.slice(0, -1)) : pathname === path);
  return PAGE_NAMES.find((name) => matches(PAGE_PATHS[name])) ?? 'not_found';
}

/** Which page an address shows, known before anything loads. */
export function pageOf(url: Location): Route['name'] {
  if (!window.isSecureContext || !globalThis.crypto?.subtle) return 'insecure';
  return pageOfPath(url.pathname);
}
