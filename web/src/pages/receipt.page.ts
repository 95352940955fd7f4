/** The sender's receipt page, loaded as its own chunk. */
import type { ApiClient } from '../lib/api.js';
import { ReceiptFlow } from './receipt.svelte.js';

export { default as Page } from './ReceiptPage.svelte';

/** Starts the page's flow: it loads the receipt. */
export function start(api: ApiClient, url: Location): ReceiptFlow {
  const flow = new ReceiptFlow(api, { pathname: url.pathname, hash: url.hash });
  void flow.load();
  return flow;
}
