/** The sender's status page (the receipt), loaded as its own chunk. */
import type { ApiClient } from '../lib/api.js';
import { autoRefresh } from './auto-refresh.js';
import { takeFragment } from './fragment.js';
import { REFRESH_SECONDS, ReceiptFlow } from './receipt.svelte.js';

export { default as Page } from './ReceiptPage.svelte';

/**
 * Starts the page's flow (token and label out of the address bar first): it loads the
 * receipt, then keeps it current until nothing more can change.
 */
export function start(api: ApiClient, url: Location): ReceiptFlow {
  const flow = new ReceiptFlow(api, { pathname: url.pathname, ...takeFragment(url) });
  void flow.load().then(() => {
    if (!flow.settled) autoRefresh(() => flow.update(), REFRESH_SECONDS * 1000);
  });
  return flow;
}
