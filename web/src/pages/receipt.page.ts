/** The sender's receipt page, loaded as its own chunk. */
import type { ApiClient } from '../lib/api.js';
import { takeFragment } from './fragment.js';
import { ReceiptFlow } from './receipt.svelte.js';

export { default as Page } from './ReceiptPage.svelte';

/** Starts the page's flow (token out of the address bar first): it loads the receipt. */
export function start(api: ApiClient, url: Location): ReceiptFlow {
  const flow = new ReceiptFlow(api, { pathname: url.pathname, ...takeFragment(url) });
  void flow.load();
  return flow;
}
