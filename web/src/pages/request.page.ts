/** The requester's page (/request), loaded as its own chunk: the form and the two links it makes. */
import type { ApiClient } from '../lib/api.js';
import { locale } from '../locale.svelte.js';
import { RequestFlow } from './request.svelte.js';

export { default as Page } from './RequestPage.svelte';

/** Starts the page's flow: it fetches the server's limits for the form. */
export function start(api: ApiClient, url: Location): RequestFlow {
  const flow = new RequestFlow(api, url.origin, () => locale.language);
  void flow.loadLimits();
  return flow;
}
