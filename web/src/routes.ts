/**
 * Which page an address shows: / creates, /s/ID reveals, /r/ID shows a receipt,
 * /request asks for a secret, /q/ID answers a request, /i/ID is the requester's inbox.
 * Each page is its own chunk, so a recipient downloads nothing of the sender's page
 * and the other way round.
 */
import { ApiClient } from './lib/api.js';

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

/** Which page an address shows, known before anything loads: its catalog loads alongside its chunk. */
export function pageOf(url: Location): Route['name'] {
  if (!window.isSecureContext || !globalThis.crypto?.subtle) return 'insecure';
  const section = url.pathname.split('/')[1];
  if (url.pathname === '/') return 'create';
  if (section === 's') return 'reveal';
  if (section === 'r') return 'receipt';
  if (url.pathname === '/request') return 'request';
  if (section === 'q') return 'answer';
  if (section === 'i') return 'inbox';
  return 'not_found';
}

/** Loads the page for an address and starts its flow (which may ask the server, never burning anything). */
export async function route(url: Location): Promise<Route> {
  const api = new ApiClient();
  switch (pageOf(url)) {
    case 'insecure':
      return { name: 'insecure', plainHttp: !window.isSecureContext && url.protocol === 'http:' };
    case 'not_found':
      return { name: 'not_found' };
    case 'create': {
      const { Page, start } = await import('./pages/create.page.js');
      return { name: 'create', Page, flow: start(api, url) };
    }
    case 'reveal': {
      const { Page, start } = await import('./pages/reveal.page.js');
      return { name: 'reveal', Page, flow: start(api, url) };
    }
    case 'receipt': {
      const { Page, start } = await import('./pages/receipt.page.js');
      return { name: 'receipt', Page, flow: start(api, url) };
    }
    case 'request': {
      const { Page, start } = await import('./pages/request.page.js');
      return { name: 'request', Page, flow: start(api, url) };
    }
    case 'answer': {
      const { Page, start } = await import('./pages/answer.page.js');
      return { name: 'answer', Page, flow: start(api, url) };
    }
    case 'inbox': {
      const { Page, start } = await import('./pages/inbox.page.js');
      return { name: 'inbox', Page, flow: start(api, url) };
    }
  }
}
