/**
 * Which page an address shows: / creates, /s/ID reveals, /r/ID shows a receipt. Each
 * page is its own chunk, so a recipient downloads nothing of the sender's page and
 * the other way round.
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
  | Loaded<'receipt', typeof import('./pages/receipt.page.js')>;

/** Loads the page for an address and starts its flow (which may ask the server, never burning anything). */
export async function route(url: Location): Promise<Route> {
  if (!window.isSecureContext) return { name: 'insecure', plainHttp: url.protocol === 'http:' };
  if (!globalThis.crypto?.subtle) return { name: 'insecure', plainHttp: false };
  const api = new ApiClient();
  const section = url.pathname.split('/')[1];
  if (url.pathname === '/') {
    const { Page, start } = await import('./pages/create.page.js');
    return { name: 'create', Page, flow: start(api, url) };
  }
  if (section === 's') {
    const { Page, start } = await import('./pages/reveal.page.js');
    return { name: 'reveal', Page, flow: start(api, url) };
  }
  if (section === 'r') {
    const { Page, start } = await import('./pages/receipt.page.js');
    return { name: 'receipt', Page, flow: start(api, url) };
  }
  return { name: 'not_found' };
}
