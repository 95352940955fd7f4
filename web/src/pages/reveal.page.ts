/** The recipient's page, loaded as its own chunk. */
import type { ApiClient } from '../lib/api.js';
import { takeFragment } from './fragment.js';
import { RevealFlow } from './reveal.svelte.js';

export { default as Page } from './RevealPage.svelte';

/** Starts the page's flow (key out of the address bar first): it looks at the secret's status, which burns nothing. */
export function start(api: ApiClient, url: Location): RevealFlow {
  const flow = new RevealFlow(api, { host: url.host, pathname: url.pathname, ...takeFragment(url) });
  void flow.load();
  return flow;
}
