/** The requester's inbox page (/i/ID), loaded as its own chunk. */
import type { ApiClient } from '../lib/api.js';
import { takeFragment } from './fragment.js';
import { InboxFlow } from './inbox.svelte.js';

export { default as Page } from './InboxPage.svelte';

/** Starts the page's flow (key out of the address bar first): it looks at the inbox, which changes nothing. */
export function start(api: ApiClient, url: Location): InboxFlow {
  const flow = new InboxFlow(api, { pathname: url.pathname, origin: url.origin, ...takeFragment(url) });
  void flow.load();
  return flow;
}
